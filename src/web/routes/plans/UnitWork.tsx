import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api-client.ts';
import { TaskUpdateModal } from '../../components/work/TaskUpdateModal.tsx';
import { byUrgency, reportItem, taskItem } from '../../components/work/work-items.ts';
import type { WorkItem } from '../../components/work/work-items.ts';
import { WorkList } from '../../components/work/WorkList.tsx';
import { useUnitObligations, useUnitTasks } from '../../components/work/work-queries.ts';
import { Section } from '../../components/Section.tsx';

/** What a plan asks of the acting unit: its tasks and reports of this plan, with their deadlines and state. */
export function UnitWork({ planId, unit, canWrite }: { planId: string; unit: { id: string; name: string }; canWrite: boolean }) {
  const { t } = useTranslation();
  const tasks = useUnitTasks(unit.id, planId);
  const reports = useUnitObligations(unit.id, 'all');
  const [updating, setUpdating] = useState<WorkItem | null>(null);
  const items = [...(tasks.data?.items ?? []).map(taskItem), ...(reports.data?.items ?? []).filter((r) => r.planId === planId).map(reportItem)].sort(byUrgency);
  if (items.length === 0) return null;
  return (
    <Section
      title={t('plans.view.askedOf', { unit: unit.name })}
      id="plan-unit-work"
      bg="blue.0"
      action={
        (tasks.data?.items.length ?? 0) > 0 && (
          <Button variant="default" size="xs" component="a" href={apiUrl(`/api/units/${unit.id}/task-instances.xlsx`, { planId })} download leftSection={<IconDownload size={16} aria-hidden />}>
            {t('plans.view.exportTasks')}
          </Button>
        )
      }
    >
      <WorkList items={items} label={t('plans.view.askedOf', { unit: unit.name })} hidePlan onOpenTask={canWrite ? setUpdating : undefined} />
      {updating?.task && <TaskUpdateModal tasks={[updating.task]} onClose={() => setUpdating(null)} />}
    </Section>
  );
}
