import { Accordion, Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PersonalPlanView, PlanSections } from '#shared/personal-plans.ts';
import { apiUrl } from '../../api-client.ts';
import { Fact } from '../../components/Fact.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Hint } from '../../components/Hint.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Section } from '../../components/Section.tsx';
import { LookBackPanel } from './LookBackPanel.tsx';
import { usePersonalPlan } from './personal-plan-queries.ts';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanBadges } from './PlanBadges.tsx';
import { usePlanLabels } from './plan-labels.ts';
import { versionState } from './plan-items.ts';
import type { FormSection } from './plan-items.ts';
import { ReviewActions } from './ReviewActions.tsx';

/** A member's plan in a round, phone first: written and sent by the member (or entered by the secretary), reviewed, looked back on. */
export function PlanPage() {
  const { id = '', personId = '' } = useParams();
  const plan = usePersonalPlan(id, personId);
  // A new state or version starts the editor again from what the server holds.
  return <Loaded query={plan}>{(v) => <PlanView key={`${v.state}-${v.versions.length}`} v={v} />}</Loaded>;
}

function PlanView({ v }: { v: PersonalPlanView }) {
  const { t } = useTranslation();
  const current = v.versions.at(-1) ?? null;
  // The look back is of the last confirmed version, which stays while an amendment is written.
  const confirmed = [...v.versions].reverse().find((x) => x.confirmedOn !== null) ?? null;
  const sections = v.form.sections.filter((s) => v.filled.includes(s.key));
  const reviewer = v.can.review || v.onBehalf || v.can.comment;
  return (
    <>
      <PageHeader
        title={v.round.title}
        subtitle={`${v.person.fullName} · ${v.person.unitName}`}
        actions={current && (
          <Button variant="default" component="a" href={apiUrl(`/api/rounds/${v.round.id}/plans/${v.person.id}/plan.docx`)} download leftSection={<IconDownload size={18} aria-hidden />}>
            {t('personalPlans.plan.docx')}
          </Button>
        )}
      />
      <Stack gap="md">
        {reviewer && (
          <Anchor component={Link} to={`/personal-plans/rounds/${v.round.id}?unit=${v.person.unitId}`} size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={16} aria-hidden />
              {t('personalPlans.plan.backToRound')}
            </Group>
          </Anchor>
        )}
        <Stack gap={4}>
          <PlanBadges state={v.state} formLabel={v.form.label} late={v.late} leader={v.leader} />
          <Hint>
            {[v.form.title, v.round.submitBy && t('personalPlans.submitBy', { date: formatDate(v.round.submitBy) })].filter(Boolean).join(' · ')}
          </Hint>
        </Stack>
        {v.state === 'returned' && current?.returnComment && (
          <Alert color="orange" title={t('personalPlans.plan.returnedTitle')} role="status">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {current.returnComment}
            </Text>
          </Alert>
        )}
        {v.can.edit ? (
          <PlanEditor v={v} sections={sections} />
        ) : current ? (
          <Section title={t('personalPlans.plan.content')} id="plan-content">
            {v.state === 'confirmed' && <Hint>{t('personalPlans.plan.confirmedReadOnly', { date: formatDate(v.confirmedOn) })}</Hint>}
            {v.state === 'submitted' && <Hint>{t('personalPlans.plan.waiting', { date: formatDate(v.submittedOn) })}</Hint>}
            <PlanItems sections={sections} items={current.sections} />
          </Section>
        ) : (
          <Hint>{t('personalPlans.plan.notWritten')}</Hint>
        )}
        {(v.can.review || v.can.amend) && <ReviewActions v={v} />}
        {confirmed && v.lookBack.length > 0 && (v.can.lookBack || v.can.comment || v.lookBack.some((x) => x.result || x.account || x.comment)) && (
          <LookBackPanel key={JSON.stringify(v.lookBack)} v={v} sections={v.form.sections} items={confirmed.sections} />
        )}
        {v.versions.length > 0 && <Versions v={v} sections={sections} />}
      </Stack>
    </>
  );
}

/** The items of a version as written, section by section, each with its area or group. */
export function PlanItems({ sections, items }: { sections: readonly FormSection[]; items: PlanSections }) {
  const { t } = useTranslation();
  const l = usePlanLabels();
  return (
    <Stack gap="sm">
      {sections.map((s) => {
        const list = items[s.key] ?? [];
        return (
          <Stack key={s.key} gap={4}>
            <Text fw={600} size="sm">
              {s.title}
            </Text>
            {list.length === 0 ? (
              <Hint>{t('personalPlans.plan.noItems')}</Hint>
            ) : (
              <Stack component="ol" gap={6} m={0} pl="lg">
                {list.map((it, i) => (
                  <li key={i}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {it.text}
                    </Text>
                    {(s.grouped ? l.group(it.group) : l.area(it.area)) && (
                      <Text size="xs" c="dimmed">
                        {s.grouped ? l.group(it.group) : l.area(it.area)}
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** Every version the reader may see, newest first: its state, dates, the return comment, who confirmed; its items on opening. */
function Versions({ v, sections }: { v: PersonalPlanView; sections: readonly FormSection[] }) {
  const { t } = useTranslation();
  const newestFirst = [...v.versions].reverse();
  return (
    <Section title={t('personalPlans.versions.title')} id="plan-versions">
      <Accordion multiple variant="separated" chevronPosition="right">
        {newestFirst.map((ver) => {
          return (
            <Accordion.Item key={ver.version} value={String(ver.version)}>
              <Accordion.Control>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t('personalPlans.versions.version', { n: ver.version })}
                  </Text>
                  <PlanBadges state={versionState(ver)} late={ver.late} />
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  <Group gap="lg" align="flex-start">
                    <Fact label={t('personalPlans.versions.writtenBy')} size="sm">
                      {ver.writtenBy && (ver.onBehalf ? t('personalPlans.versions.onBehalf', { name: ver.writtenBy }) : ver.writtenBy)}
                    </Fact>
                    <Fact label={t('personalPlans.versions.savedAt')} size="sm">
                      {formatDateTime(ver.savedAt)}
                    </Fact>
                    <Fact label={t('personalPlans.versions.submittedOn')} size="sm">
                      {formatDate(ver.submittedOn)}
                    </Fact>
                    {ver.confirmedOn && (
                      <Fact label={t('personalPlans.versions.confirmed')} size="sm">
                        {ver.confirmedBy ? t('personalPlans.versions.confirmedBy', { date: formatDate(ver.confirmedOn), name: ver.confirmedBy }) : formatDate(ver.confirmedOn)}
                      </Fact>
                    )}
                  </Group>
                  {ver.returnedAt && (
                    <Fact label={t('personalPlans.versions.returned', { date: formatDateTime(ver.returnedAt) })} size="sm" pre>
                      {ver.returnComment}
                    </Fact>
                  )}
                  <PlanItems sections={sections} items={ver.sections} />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Section>
  );
}
