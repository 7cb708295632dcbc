import { ActionIcon, Button, Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { WorkProgress } from '#shared/common.ts';
import { PERSONAL_PLAN_LIMITS, RoundCreateSchema } from '#shared/personal-plans.ts';
import type { RoundKind } from '#shared/personal-plans.ts';
import { DateField } from '../../components/DateField.tsx';
import { formatNumber, todayIso } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { Hint } from '../../components/Hint.tsx';
import { useLabels } from '../../components/labels.ts';
import { UnitMultiSelect } from '../../components/UnitMultiSelect.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { WorkProgressBar } from '../../components/WorkProgressBar.tsx';
import { emptyLaunch, emptyRow, formOptions, launchInput } from './launch-form.ts';
import type { AssignmentRow, LaunchValues } from './launch-form.ts';
import { useLaunchRound, usePlanForms, usePlanTasks, usePublishedPlans } from './personal-plan-queries.ts';
import { usePlanLabels } from './plan-labels.ts';

const TASK_TEXT_MAX = 140;
const shorten = (text: string) => (text.length > TASK_TEXT_MAX ? `${text.slice(0, TASK_TEXT_MAX - 1).trimEnd()}…` : text);

/**
 * "Phát động đợt": a round launched from a task of one of the unit's published plans — a personal
 * plan round (scope, year, which form whom, deadlines of each step) or a pledge (text, who signs).
 */
export function LaunchRoundModal({ unitId, onClose }: { unitId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const pl = usePlanLabels();
  const navigate = useNavigate();
  const form = useFormState<LaunchValues>(emptyLaunch(todayIso()));
  const v = form.values;
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const plans = usePublishedPlans(unitId);
  const tasks = usePlanTasks(v.planId);
  const forms = usePlanForms(unitId);
  const launch = useLaunchRound({ notice: (out) => t('personalPlans.launch.done', { count: out.asked, n: formatNumber(out.asked) }), onError: form.showServerError });

  function setRow(key: number, change: Partial<AssignmentRow>) {
    form.setValues((cur) => ({ ...cur, rows: cur.rows.map((r) => (r.key === key ? { ...r, ...change } : r)) }));
  }

  function submit() {
    const missing: [string, string][] = [];
    if (!v.planId) missing.push(['planId', t('personalPlans.launch.choosePlan')]);
    if (!v.taskId) missing.push(['taskId', t('personalPlans.launch.chooseTask')]);
    if (v.kind === 'personal_plan') v.rows.forEach((r, i) => !r.formId && missing.push([`assignments.${i}.formId`, t('personalPlans.launch.chooseForm')]));
    const input = form.validate(RoundCreateSchema, launchInput(unitId, v));
    for (const [key, message] of missing) form.setFieldError(key, message);
    if (!input || missing.length > 0) return;
    launch.mutate(
      { body: input, onWork: setProgress },
      {
        onSuccess: (out) => {
          onClose();
          navigate(`/personal-plans/rounds/${out.id}?unit=${unitId}`);
        },
        onSettled: () => setProgress(null),
      },
    );
  }

  const taskOptions = (tasks.data ?? []).map((x) => ({ value: x.id, label: shorten(x.text) }));
  const fo = formOptions(forms.data?.items ?? [], v.scope);
  return (
    <FormModal
      title={t('personalPlans.launch.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.formError}
      submitLabel={t('personalPlans.launch.submit')}
      busy={launch.isPending}
      intro={<Hint>{t('personalPlans.launch.intro')}</Hint>}
    >
      <SegmentedControl
        fullWidth
        aria-label={t('personalPlans.launch.kind')}
        value={v.kind}
        onChange={(x) => form.set('kind', x as RoundKind)}
        data={(['personal_plan', 'pledge'] as const).map((k) => ({ value: k, label: pl.kind(k) }))}
      />
      <Select
        label={t('personalPlans.launch.plan')}
        required
        data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.number ? `${p.number} — ${p.title}` : p.title }))}
        value={v.planId}
        onChange={(x) => form.setValues((cur) => ({ ...cur, planId: x, taskId: null }))}
        searchable
        nothingFoundMessage={plans.isPending ? t('common.loading') : t('personalPlans.launch.noPlans')}
        error={form.errors.planId}
      />
      <Select
        label={t('personalPlans.launch.task')}
        required
        data={taskOptions}
        value={v.taskId}
        onChange={(x) => form.set('taskId', x)}
        searchable
        disabled={!v.planId}
        nothingFoundMessage={tasks.isFetching ? t('common.loading') : t('personalPlans.launch.noTasks')}
        error={form.errors.taskId}
      />
      <TextInput label={t('personalPlans.launch.roundTitle')} required {...form.text('title')} />
      {v.kind === 'personal_plan' ? (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('personalPlans.launch.scope')}
              data={(['year', 'term'] as const).map((s) => ({ value: s, label: t(`personalPlans.launch.scopes.${s}`) }))}
              value={v.scope}
              onChange={(x) => form.setValues((cur) => ({ ...cur, scope: x === 'term' ? 'term' : 'year', rows: cur.rows.map((r) => ({ ...r, formId: null })) }))}
              allowDeselect={false}
            />
            <TextInput label={t('personalPlans.launch.year')} inputMode="numeric" maxLength={4} {...form.text('year')} />
          </SimpleGrid>
          <Stack gap="xs" role="group" aria-label={t('personalPlans.launch.rules')}>
            <Text fw={500} size="sm">
              {t('personalPlans.launch.rules')}
            </Text>
            <Hint>{t('personalPlans.launch.rulesHint')}</Hint>
            {form.errors.assignments && (
              <Text c="red" size="sm">
                {form.errors.assignments}
              </Text>
            )}
            {v.rows.map((r, i) => (
              <Paper key={r.key} withBorder p="sm" role="group" aria-label={t('personalPlans.launch.rule', { n: i + 1 })}>
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {t('personalPlans.launch.rule', { n: i + 1 })}
                    </Text>
                    {v.rows.length > 1 && (
                      <ActionIcon variant="subtle" color="red" aria-label={t('personalPlans.launch.removeRule', { n: i + 1 })} onClick={() => form.setValues((cur) => ({ ...cur, rows: cur.rows.filter((x) => x.key !== r.key) }))}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                  <Select
                    label={t('personalPlans.launch.form')}
                    data={fo}
                    value={r.formId}
                    onChange={(x) => setRow(r.key, { formId: x })}
                    nothingFoundMessage={t('personalPlans.launch.noForms')}
                    error={form.errors[`assignments.${i}.formId`]}
                  />
                  <MultiSelect
                    label={t('personalPlans.launch.categories')}
                    data={labels.categoryOptions()}
                    value={r.categories}
                    onChange={(x) => setRow(r.key, { categories: x })}
                    error={form.errors[`assignments.${i}.categories`]}
                  />
                  <UnitMultiSelect
                    label={t('personalPlans.launch.units')}
                    description={t('personalPlans.launch.unitsHint')}
                    value={r.units}
                    onChange={(units) => setRow(r.key, { units })}
                    error={form.errors[`assignments.${i}.unitIds`]}
                  />
                </Stack>
              </Paper>
            ))}
            {v.rows.length < PERSONAL_PLAN_LIMITS.assignments && (
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.setValues((cur) => ({ ...cur, rows: [...cur.rows, emptyRow(Math.max(0, ...cur.rows.map((x) => x.key)) + 1)] }))}
                >
                  {t('personalPlans.launch.addRule')}
                </Button>
              </Group>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DateField label={t('personalPlans.launch.submitBy')} required value={v.submitBy} onChange={(x) => form.set('submitBy', x)} error={form.errors.submitBy} />
            <DateField label={t('personalPlans.launch.confirmBy')} value={v.confirmBy} onChange={(x) => form.set('confirmBy', x)} error={form.errors.confirmBy} clearable />
            <DateField label={t('personalPlans.launch.sendUpBy')} value={v.sendUpBy} onChange={(x) => form.set('sendUpBy', x)} error={form.errors.sendUpBy} clearable />
          </SimpleGrid>
        </>
      ) : (
        <>
          <Textarea label={t('personalPlans.launch.pledgeText')} required autosize minRows={4} maxRows={12} {...form.text('pledgeText')} />
          <MultiSelect label={t('personalPlans.launch.signers')} data={labels.categoryOptions()} value={v.categories} onChange={(x) => form.set('categories', x)} error={form.errors.categories} />
          <DateField label={t('personalPlans.launch.signBy')} required value={v.submitBy} onChange={(x) => form.set('submitBy', x)} error={form.errors.submitBy} />
        </>
      )}
      {progress && <WorkProgressBar progress={progress} />}
    </FormModal>
  );
}
