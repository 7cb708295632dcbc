import { Accordion, Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconFileTypeDocx, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanListItem, PlanView } from '#shared/plans.ts';
import { apiUrl } from '../../api-client.ts';
import { useActingUnit } from '../../components/acting-unit.ts';

import { Hint } from '../../components/Hint.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { notifyError } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Section } from '../../components/Section.tsx';
import { usePlanObligations, usePublishedPlans } from './consolidation-queries.ts';
import { downloadFile } from '../../components/download.ts';
import { formatDate } from '../../components/format.ts';

/** "Kế hoạch 48-KH/ĐUK" or "Kế hoạch (chưa có số)". */
export function usePlanName() {
  const { t } = useTranslation();
  return (p: { number: string | null }) => (p.number ? t('consolidation.planNumbered', { number: p.number }) : t('consolidation.planUnnumbered'));
}

/** The report obligations of one plan, each a link to its consolidated report, and the plan's Word files. */
function PlanObligations({ plan, unitId }: { plan: PlanListItem; unitId: string }) {
  const detail = usePlanObligations(plan.id);
  return <Loaded query={detail}>{({ obligations }) => <ObligationLinks plan={plan} obligations={obligations} unitId={unitId} />}</Loaded>;
}

function ObligationLinks({ plan, obligations, unitId }: { plan: PlanListItem; obligations: PlanView['obligations']; unitId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (what: 'export' | 'tasks') => {
    setBusy(what);
    try {
      await downloadFile(apiUrl(`/api/plans/${plan.id}/${what}.docx`), what === 'export' ? 'ke-hoach.docx' : 'phu-luc-nhiem-vu.docx');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="sm">
      {obligations.length === 0 ? (
        <Hint>{t('consolidation.noObligations')}</Hint>
      ) : (
        <List spacing="xs" aria-label={t('consolidation.obligationsOf', { plan: plan.number ?? plan.title })}>
          {obligations.map((o) => (
            <List.Item key={o.id}>
              <Anchor component={Link} to={`/consolidation/${o.id}?unit=${unitId}`} fw={500}>
                {o.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
      <Group gap="xs">
        <Button variant="default" size="xs" leftSection={<IconFileTypeDocx size={16} aria-hidden />} loading={busy === 'export'} onClick={() => void download('export')}>
          {t('consolidation.planDocx')}
        </Button>
        <Button variant="default" size="xs" leftSection={<IconFileTypeDocx size={16} aria-hidden />} loading={busy === 'tasks'} onClick={() => void download('tasks')}>
          {t('consolidation.tasksDocx')}
        </Button>
      </Group>
    </Stack>
  );
}

function PlanGroup({ title, view, unitId }: { title: string; view: 'issued' | 'to_carry_out'; unitId: string }) {
  const { t } = useTranslation();
  const plans = usePublishedPlans(unitId, view);
  return (
    <Section title={title} id={`plans-${view}`}>
      <Loaded query={plans}>{({ items }) => (items.length === 0 ? <Hint>{t('consolidation.noPlans')}</Hint> : <PlanAccordion plans={items} view={view} unitId={unitId} />)}</Loaded>
    </Section>
  );
}

/** The plans of a group, each opening onto its report obligations. */
function PlanAccordion({ plans, view, unitId }: { plans: PlanListItem[]; view: 'issued' | 'to_carry_out'; unitId: string }) {
  const planName = usePlanName();
  return (
    <Accordion variant="separated" keepMounted={false} chevronPosition="left">
      {plans.map((p) => (
        <Accordion.Item key={p.id} value={p.id}>
          <Accordion.Control>
            <Text fw={600} span>
              {planName(p)}
            </Text>
            <Text span c="dimmed" size="sm">
              {p.issuedOn ? ` — ${formatDate(p.issuedOn)}` : ''} — {p.title}
            </Text>
            {view === 'to_carry_out' && (
              <Text size="xs" c="dimmed">
                {p.unitName}
              </Text>
            )}
          </Accordion.Control>
          <Accordion.Panel>
            <PlanObligations plan={p} unitId={unitId} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

/**
 * "Tổng hợp báo cáo": the published plans of the unit the user acts for — those it issued and those
 * it carries out — each opening onto its report obligations; an obligation opens its consolidated
 * report over the unit's subtree.
 */
export function ConsolidationListPage() {
  const { t } = useTranslation();
  const acting = useActingUnit();
  return (
    <>
      <PageHeader title={t('consolidation.listTitle')} subtitle={acting.unitName ? t('consolidation.actingFor', { unit: acting.unitName }) : undefined} />
      {acting.loading ? (
        <PageLoader />
      ) : !acting.unitId ? (
        <Alert icon={<IconInfoCircle aria-hidden />} color="gray">
          {t('consolidation.noUnit')}
        </Alert>
      ) : (
        <Stack gap="md">
          <Hint>{t('consolidation.listHint')}</Hint>
          <PlanGroup title={t('consolidation.issuedPlans')} view="issued" unitId={acting.unitId} />
          <PlanGroup title={t('consolidation.receivedPlans')} view="to_carry_out" unitId={acting.unitId} />
        </Stack>
      )}
    </>
  );
}
