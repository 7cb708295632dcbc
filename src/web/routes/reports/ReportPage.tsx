import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconClock, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { INSTANCE_STATUS_LABELS, OBLIGATION_STATUS_LABELS } from '#shared/reports.ts';
import type { ObligationInstanceDetail } from '#shared/reports.ts';
import { Fact } from '../../components/Fact.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../components/use-lang.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { DEADLINE_COLORS } from '../../components/work/work-items.ts';
import { useObligationInstance } from './report-queries.ts';
import { ReportForm } from './ReportForm.tsx';
import { ReviewComment } from './ReviewComment.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { VersionList } from './VersionList.tsx';

/**
 * One report of a unit for one period: for the unit, the form to fill and send; for the receiving
 * level, the submitted version to accept or return; for both, every version and the comments.
 */
export function ReportPage() {
  return <Loaded query={useObligationInstance(useRouteId())}>{(d) => <ReportView d={d} />}</Loaded>;
}

function ReportView({ d }: { d: ObligationInstanceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ob = d.obligation;
  const open = d.status === 'pending' || d.status === 'draft' || d.status === 'returned';
  const current = d.versions.find((v) => v.version === d.currentVersion) ?? null;
  const lastReturned = [...d.versions].reverse().find((v) => v.status === 'returned') ?? null;
  const to = ob.toUnitName ?? ob.toText;
  const via = ob.viaUnitName ?? ob.viaText;

  return (
    <>
      <PageHeader
        title={ob.title}
        subtitle={
          <Stack gap={4}>
            <span>
              {d.unit.name} · {d.periodLabel}
            </span>
            <Group gap={6}>
              <Badge variant="light" color={d.status === 'returned' ? 'orange' : d.status === 'accepted' ? 'green' : 'blue'} tt="none" radius="sm">
                {OBLIGATION_STATUS_LABELS[d.status][lang]}
              </Badge>
              <Badge variant="light" color={DEADLINE_COLORS[d.deadlineStatus]} tt="none" radius="sm">
                {INSTANCE_STATUS_LABELS[d.deadlineStatus][lang]}
                {d.daysLate !== null && d.daysLate > 0 && ` · ${t('home.daysLate', { n: formatNumber(d.daysLate) })}`}
              </Badge>
            </Group>
          </Stack>
        }
      />
      <Stack gap="md">
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
            <Fact label={t('reports.page.plan')} size="sm">
              <Anchor component={Link} to={`/plans/${d.plan.id}`} size="sm" fw={600}>
                {d.plan.number ?? d.plan.title ?? t('plans.noNumber')}
              </Anchor>
              <Text size="xs" c="dimmed">
                {d.plan.unitName}
              </Text>
            </Fact>
            <Fact label={t('reports.page.dueDate')} size="sm">{d.dueDate ? formatDate(d.dueDate) : t('due.none')}</Fact>
            <Fact label={t('reports.page.to')} size="sm">
              {to ?? '—'}
              {via && (
                <Text size="xs" c="dimmed">
                  {t('plans.view.reportVia', { via })}
                </Text>
              )}
            </Fact>
            {d.receiver && (
              <Fact label={t('reports.page.receiver')} size="sm">
                {d.receiver.name}
              </Fact>
            )}
            <Fact label={t('reports.page.sent')} size="sm">
              {d.firstSubmittedOn ? t('reports.page.firstSent', { date: formatDate(d.firstSubmittedOn) }) : t('reports.page.notSent')}
            </Fact>
          </SimpleGrid>
        </Paper>

        {d.status === 'returned' && lastReturned?.reviewComment && (
          <ReviewComment version={lastReturned} title={t('reports.page.returnedTitle', { n: lastReturned.version })} color="orange" icon={<IconArrowBackUp aria-hidden />} role="alert" />
        )}
        {d.status === 'submitted' && !d.can.review && (
          <Alert color="blue" icon={<IconClock aria-hidden />}>
            {t('reports.page.awaiting', { n: d.currentVersion })}
          </Alert>
        )}
        {d.status === 'accepted' && (
          <Alert color="green" icon={<IconCircleCheck aria-hidden />}>
            {t('reports.page.acceptedNote', { n: d.currentVersion })}
          </Alert>
        )}

        {open && d.can.submit && <ReportForm key={`${d.id}-${d.currentVersion}-${d.status}`} detail={d} />}
        {open && !d.can.submit && d.can.enterOnBehalf && <OnBehalf d={d} />}
        {current && current.status === 'submitted' && d.can.review && <ReviewPanel version={current} unitName={d.unit.name} />}

        <section aria-labelledby="report-versions">
          <Title order={2} fz="h4" mb="sm" id="report-versions">
            {t('reports.versions.title')}
          </Title>
          <VersionList detail={d} />
        </section>
      </Stack>
    </>
  );
}

/**
 * Entering a unit's report from paper ("nhập thay"): never the default for the level above, an
 * explicit step with what it means said, then the same form, sent marked with who entered it.
 */
function OnBehalf({ d }: { d: ObligationInstanceDetail }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!opened) {
    return (
      <Group>
        <Button variant="default" leftSection={<IconPencil aria-hidden size={18} />} onClick={() => setOpened(true)}>
          {t('reports.form.onBehalfOpen')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="xs">
      <Alert color="yellow">{t('reports.form.onBehalfHint')}</Alert>
      <ReportForm key={`${d.id}-${d.currentVersion}-${d.status}-behalf`} detail={d} onBehalf />
    </Stack>
  );
}
