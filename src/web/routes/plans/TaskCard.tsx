import { Badge, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TASK_KIND_LABELS, TASK_KINDS } from '#shared/plans.ts';
import type { TaskKind } from '#shared/plans.ts';
import { UnitMultiSelect } from '../../components/UnitMultiSelect.tsx';
import { useLang } from '../../components/use-lang.ts';
import { AudienceField } from './AudienceField.tsx';
import { DueEditor } from '../../components/DueEditor.tsx';
import { PLAN_DUE_TYPES, PLAN_RECURRENCES } from '../../components/due-values.ts';
import { ItemCard } from './ItemCard.tsx';
import type { ItemCardProps } from './ItemList.tsx';
import { NameNote } from './NameNote.tsx';
import { settled, suggestedUnits } from './plan-form.ts';
import type { NameProposal, TaskForm } from './plan-form.ts';

interface Props extends ItemCardProps<TaskForm> {
  task: TaskForm;
  /** What the server proposed for the document's names (empty for a plan not drafted from one). */
  proposals: ReadonlyMap<string, NameProposal>;
}

/** One task of the plan: what, who leads and supports, by when, who carries it out, and the "6 rõ". */
export function TaskCard({ task, index, count, onChange, onMove, onRemove, errors, proposals }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const set = <K extends keyof TaskForm>(key: K, value: TaskForm[K]) => onChange({ ...task, [key]: value });

  return (
    <ItemCard name={t('plans.editor.taskN', { n: index + 1 })} index={index} count={count} onMove={onMove} onRemove={onRemove}>
      <Stack gap="sm">
        {task.parentTaskId && (
          <Badge variant="light" color="grape" tt="none" w="fit-content">
            {t('plans.editor.carriesOutParent')}
          </Badge>
        )}
        <Textarea label={t('plans.task.text')} value={task.text} onChange={(e) => set('text', e.currentTarget.value)} autosize minRows={2} maxRows={8} required error={errors.text} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Select
            label={t('plans.task.kind')}
            data={TASK_KINDS.map((k) => ({ value: k, label: TASK_KIND_LABELS[k][lang] }))}
            value={task.kind}
            allowDeselect={false}
            onChange={(v) => v && set('kind', v as TaskKind)}
            comboboxProps={{ withinPortal: true }}
          />
          <AudienceField value={task.audience} onChange={(a) => set('audience', a)} error={errors['audience.unitIds'] ?? errors['audience.kinds'] ?? errors.audience} />
          {(['lead', 'support'] as const).map((field) => {
            const asWritten = field === 'lead' ? task.leadText : task.supportText;
            return (
              <Stack gap={4} key={field}>
                <UnitMultiSelect label={t(`plans.task.${field}`)} value={task[field]} onChange={(units) => onChange(settled({ ...task, [field]: units }, field))} />
                <NameNote
                  asWritten={asWritten}
                  proposed={task.proposed.includes(field)}
                  empty={task[field].length === 0}
                  suggestions={suggestedUnits(asWritten, proposals)}
                  onConfirm={() => onChange(settled(task, field))}
                  onPick={(u) => onChange(settled({ ...task, [field]: [...task[field], u] }, field))}
                />
              </Stack>
            );
          })}
        </SimpleGrid>
        <Stack gap={4}>
          <DueEditor value={task.due} onChange={(due) => onChange({ ...task, due, dueText: due === task.due ? task.dueText : null })} allowNone types={PLAN_DUE_TYPES} recurrences={PLAN_RECURRENCES} error={errors.due} />
          {task.dueText && (
            <Text size="xs" c="dimmed">
              {t('plans.task.dueText', { text: task.dueText })}
            </Text>
          )}
        </Stack>
        <Title order={4} fz="sm" mt={4}>
          {t('plans.task.sixClear')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <TextInput label={t('plans.task.responsible')} value={task.responsible} onChange={(e) => set('responsible', e.currentTarget.value)} error={errors.responsible} />
          <TextInput label={t('plans.task.output')} value={task.output} onChange={(e) => set('output', e.currentTarget.value)} error={errors.output} />
          <TextInput
            label={t('plans.task.responsibility')}
            value={task.responsibility}
            onChange={(e) => set('responsibility', e.currentTarget.value)}
            error={errors.responsibility}
          />
          <TextInput label={t('plans.task.authority')} value={task.authority} onChange={(e) => set('authority', e.currentTarget.value)} error={errors.authority} />
        </SimpleGrid>
      </Stack>
    </ItemCard>
  );
}
