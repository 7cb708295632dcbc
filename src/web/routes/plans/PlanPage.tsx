import { Alert, Button, Group, Stack, Tabs } from '@mantine/core';
import {
  IconArrowBackUp, IconBan, IconChartBar, IconCircleCheck, IconFileText, IconFileTypeDocx, IconHierarchy2, IconInfoCircle, IconPencil, IconSend, IconTrash,
  IconUsersPlus,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { PlanView } from '#shared/plans.ts';
import { apiUrl } from '../../api-client.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { notifyError } from '../../components/notify.ts';
import { vietnamDate } from '#core/ids.ts';
import layout from '../../components/layout.module.css';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Section } from '../../components/Section.tsx';
import { useUnit } from '../../components/unit-queries.ts';
import type { UnitRef } from '../../components/unit-queries.ts';
import { useChoiceParam } from '../../components/use-choice-param.ts';
import { mayWrite, useMe } from '../../components/use-me.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { downloadFile } from '../../components/download.ts';
import { AddAudienceModal } from './AddAudienceModal.tsx';
import { CancelModal } from './CancelModal.tsx';
import { CoverageTable } from './dashboard/CoverageTable.tsx';
import { PlanDashboard } from './dashboard/PlanDashboard.tsx';
import { PlanTreeView } from './dashboard/PlanTreeView.tsx';
import { DeleteDraftModal } from './DeleteDraftModal.tsx';
import { planActions } from './plan-lifecycle.ts';
import { cancelUrl, usePlan } from './plan-queries.ts';
import { PlanBadges } from './PlanBadges.tsx';
import { PlanContent } from './PlanContent.tsx';
import { PublishModal } from './PublishModal.tsx';
import { UnitWork } from './UnitWork.tsx';

const TABS = ['content', 'progress', 'implementing'] as const;

/**
 * The unit a reader's dashboards start from: a unit acting at or below the plan's unit sees its own
 * subtree (a cell sees itself); a reader above it (the province, an inspector) starts at the plan's unit.
 */
function useDashboardRoot(plan: PlanView): UnitRef | null {
  const acting = useActingUnit();
  const unit = useUnit(acting.unitId && acting.unitId !== plan.unitId ? acting.unitId : null);
  if (!acting.unitId || acting.unitId === plan.unitId) return { id: plan.unitId, name: plan.unitName };
  if (unit.isPending) return null;
  const below = unit.data?.ancestors.some((a) => a.id === plan.unitId) ?? false;
  return below ? { id: acting.unitId, name: acting.unitName ?? unit.data!.name } : { id: plan.unitId, name: plan.unitName };
}

function Published({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const acting = useActingUnit();
  const [tab, setTab] = useChoiceParam('tab', TABS);
  const root = useDashboardRoot(plan);
  const actingUnit = acting.unitId && acting.unitName ? { id: acting.unitId, name: acting.unitName } : null;

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md" className={layout.tabList}>
        <Tabs.Tab value="content" leftSection={<IconFileText size={18} aria-hidden />}>
          {t('plans.view.tabContent')}
        </Tabs.Tab>
        <Tabs.Tab value="progress" leftSection={<IconChartBar size={18} aria-hidden />}>
          {t('plans.view.tabProgress')}
        </Tabs.Tab>
        <Tabs.Tab value="implementing" leftSection={<IconHierarchy2 size={18} aria-hidden />}>
          {t('plans.view.tabImplementing')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="content">
        <Stack gap="md">
          {actingUnit && actingUnit.id !== plan.unitId && <UnitWork planId={plan.id} unit={actingUnit} canWrite={mayWrite(me, actingUnit.id)} />}
          <PlanContent plan={plan} statusUnitId={root?.id ?? null} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="progress">
        {root ? <PlanDashboard planId={plan.id} root={root} obligations={plan.obligations} canCancel={plan.permissions.cancel} /> : <PageLoader />}
      </Tabs.Panel>
      <Tabs.Panel value="implementing">
        <Stack gap="md">
          <Section title={t('plans.tree.title')} id="plan-tree">
            <PlanTreeView planId={plan.id} />
          </Section>
          <Section title={t('plans.coverage.title')} id="plan-coverage" titleGap="xs">
            {root ? <CoverageTable planId={plan.id} unitId={root.id} /> : <PageLoader />}
          </Section>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

/** The banner of a cancelled plan: when, by whom and why it was cancelled. */
function CancelledBanner({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const c = plan.cancellation;
  return (
    <Alert color="red" icon={<IconBan aria-hidden />} title={t('plans.cancel.bannerTitle')} mb="md" role="status">
      <Stack gap={4}>
        {c && (
          <>
            <span>{t('plans.cancel.bannerReason', { reason: c.reason })}</span>
            <span>{t('plans.cancel.bannerBy', { date: formatDate(vietnamDate(new Date(c.at))), name: c.byName ?? '—' })}</span>
          </>
        )}
        <span>{t('plans.cancel.bannerHint')}</span>
      </Stack>
    </Alert>
  );
}

/** "Xuất Word": the plan as a Party-format KẾ HOẠCH (.docx), for whoever reads it. */
function ExportWordButton({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(apiUrl(`/api/plans/${plan.id}/export.docx`), 'ke-hoach.docx');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" leftSection={<IconFileTypeDocx size={18} aria-hidden />} loading={busy} onClick={() => void download()}>
      {t('plans.view.exportWord')}
    </Button>
  );
}

/** A plan: its particulars, what it carries out, its tasks and reports; once published, its dashboards. */
export function PlanPage() {
  const { t } = useTranslation();
  const id = useRouteId();
  const me = useMe().data;
  const plan = usePlan(id);
  const [publishing, setPublishing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // Just published from the editor or this page: how many task and report instances were created.
  const published = (useLocation().state as { publishedInstances?: number } | null)?.publishedInstances;

  if (plan.isPending) return <PageLoader />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const actions = planActions(p, mayWrite(me, p.unitId));
  const named = [p.number, p.title].filter(Boolean).join(' — ');

  return (
    <>
      <PageHeader
        title={t('plans.view.planNumber', { number: p.number ?? t('plans.noNumber') })}
        subtitle={
          <Stack gap={4}>
            <span>{p.title}</span>
            <Group gap={6}>
              <PlanBadges plan={p} />
              <span>
                {p.unitName}
                {p.issuedOn && ` · ${formatDate(p.issuedOn)}`}
              </span>
            </Group>
          </Stack>
        }
        actions={
          <>
            {actions.includes('addAudience') && (
              <Button variant="default" leftSection={<IconUsersPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
                {t('plans.audienceAdd.open')}
              </Button>
            )}
            {actions.includes('edit') && (
              <Button component={Link} to={`/plans/${p.id}/edit`} variant="default" leftSection={<IconPencil size={18} aria-hidden />}>
                {t('plans.view.edit')}
              </Button>
            )}
            {actions.includes('exportWord') && <ExportWordButton plan={p} />}
            {actions.includes('delete') && (
              <Button variant="default" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('plans.delete.open')}
              </Button>
            )}
            {actions.includes('cancel') && (
              <Button variant="light" color="red" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setCancelling(true)}>
                {t('plans.cancel.open')}
              </Button>
            )}
            {actions.includes('publish') && (
              <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setPublishing(true)}>
                {t('plans.editor.publish')}
              </Button>
            )}
          </>
        }
      />
      {p.status === 'cancelled' && <CancelledBanner plan={p} />}
      {published !== undefined && p.status === 'published' && (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} title={t('plans.publish.doneTitle')} role="status" mb="md">
          {t('plans.publish.done', { n: formatNumber(published) })}
        </Alert>
      )}
      {p.status === 'draft' ? (
        <Stack gap="md">
          <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
            {t('plans.view.draftHint')}
          </Alert>
          <PlanContent plan={p} statusUnitId={null} />
        </Stack>
      ) : (
        <Published plan={p} />
      )}
      {adding && <AddAudienceModal plan={p} onClose={() => setAdding(false)} />}
      {deleting && <DeleteDraftModal plan={p} onClose={() => setDeleting(false)} />}
      {cancelling && (
        <CancelModal
          title={t('plans.cancel.planTitle')}
          intro={t('plans.cancel.planIntro', { plan: named, n: formatNumber(p.audienceCount) })}
          url={cancelUrl('plan', p.id)}
          onClose={() => setCancelling(false)}
        />
      )}
      {p.permissions.publish && (
        <PublishModal
          opened={publishing}
          onClose={() => setPublishing(false)}
          prepare={() => Promise.resolve(p.id)}
          title={p.title}
          tasks={p.tasks.length}
          reports={p.obligations.length}
        />
      )}
    </>
  );
}
