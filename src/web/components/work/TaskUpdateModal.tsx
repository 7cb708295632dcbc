import { Checkbox, List, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskInstanceBulkSchema, TaskInstancePatchSchema } from '#shared/plans.ts';
import type { TaskInstanceView } from '#shared/plans.ts';
import { DateField } from '../DateField.tsx';
import { formatDate, todayIso } from '../format.ts';
import { FormModal } from '../FormModal.tsx';
import { Hint } from '../Hint.tsx';
import { LinkList } from '../LinkList.tsx';
import { AttachmentList } from '../attachments/AttachmentList.tsx';
import { useTaskFiles } from '../attachments/attachment-queries.ts';
import { useFormState } from '../use-form-state.ts';
import { useUpdateTasks } from './work-queries.ts';
import type { TaskUpdate } from './work-queries.ts';

interface Props {
  /** One task (update its note, evidence, done) or the chosen ones (mark all done at once). */
  tasks: TaskInstanceView[];
  /** `bulk`: mark every task given done in one action, even a single one. */
  mode?: 'single' | 'bulk';
  onClose: () => void;
  onDone?: () => void;
}

/**
 * Updating task instances: a progress note, one evidence (a name and where the file is kept),
 * "done" and, when done, "vượt mức yêu cầu". Several tasks are updated in one action, with the same
 * note and evidence for each.
 */
export function TaskUpdateModal({ tasks, mode = 'single', onClose, onDone }: Props) {
  const { t } = useTranslation();
  const single = mode === 'single' && tasks.length === 1 ? tasks[0]! : null;
  const form = useFormState({
    note: single?.progressNote ?? '',
    done: single ? single.state !== 'open' : true,
    beyond: single?.beyond ?? false,
    doneOn: todayIso() as string | null,
    evidenceTitle: '',
    evidenceUrl: '',
  });
  const [touched, setTouched] = useState(false);
  const update = useUpdateTasks({
    notice: (n, u) => ('bulk' in u ? t('home.bulkDone', { n }) : t('home.updated')),
    onError: form.showServerError,
  });
  const v = form.values;

  const evidence = v.evidenceTitle.trim()
    ? [{ title: v.evidenceTitle.trim(), ...(v.evidenceUrl.trim() ? { url: v.evidenceUrl.trim() } : {}) }]
    : undefined;

  function request(): TaskUpdate | null {
    if (single) {
      const patch = form.validate(TaskInstancePatchSchema, {
        progressNote: v.note.trim() || null,
        done: v.done,
        ...(v.done && v.doneOn && single.state === 'open' ? { doneOn: v.doneOn } : {}),
        // Reopening a task clears "vượt mức" on the server: nothing to send then.
        ...(v.done ? { beyond: v.beyond } : {}),
        ...(evidence ? { evidence: [...single.evidence.map((e) => ({ title: e.title, url: e.url ?? null, note: e.note ?? null })), ...evidence] } : {}),
      });
      return patch && { id: single.id, patch };
    }
    const bulk = form.validate(TaskInstanceBulkSchema, {
      ids: tasks.map((x) => x.id),
      done: true,
      ...(v.doneOn ? { doneOn: v.doneOn } : {}),
      // Left unticked, each task keeps its own mark.
      ...(v.beyond ? { beyond: true } : {}),
      progressNote: v.note.trim() || null,
      ...(evidence ? { evidence } : {}),
    });
    return bulk && { bulk };
  }

  function submit() {
    setTouched(true);
    const body = request();
    if (!body) return;
    update.mutate(body, {
      onSuccess: () => {
        onDone?.();
        onClose();
      },
    });
  }

  const summary = single ? (
    <Stack gap={2}>
      <Text fw={600}>{single.taskText}</Text>
      <Hint>{[single.planNumber, single.periodLabel, single.dueDate ? t('home.due', { date: formatDate(single.dueDate) }) : null].filter(Boolean).join(' · ')}</Hint>
    </Stack>
  ) : (
    <List size="sm" spacing={2} aria-label={t('home.chosenTasks')}>
      {tasks.map((x) => (
        <List.Item key={x.id}>
          {x.taskText}{' '}
          <Text span size="xs" c="dimmed">
            ({x.periodLabel})
          </Text>
        </List.Item>
      ))}
    </List>
  );

  return (
    <FormModal
      title={single ? t('home.updateTitle') : t('home.bulkTitle', { n: tasks.length })}
      onClose={onClose}
      onSubmit={submit}
      error={touched ? form.formError : null}
      submitLabel={single ? t('common.save') : t('home.markDone', { n: tasks.length })}
      busy={update.isPending}
      intro={summary}
    >
      <Textarea
        label={t('home.note')}
        description={single ? undefined : t('home.noteBulkHint')}
        value={v.note}
        onChange={(e) => form.set('note', e.currentTarget.value)}
        autosize
        minRows={3}
        error={form.errors.progressNote}
        data-autofocus
      />
      {single && <Checkbox size="md" label={t('home.doneCheck')} checked={v.done} onChange={(e) => form.set('done', e.currentTarget.checked)} />}
      {v.done && (!single || single.state === 'open') && (
        <DateField label={t('home.doneOn')} value={v.doneOn} onChange={(d) => form.set('doneOn', d)} maxDate={todayIso()} error={form.errors.doneOn} />
      )}
      {v.done && (
        <Checkbox
          size="md"
          label={t('taskResults.beyond')}
          description={t('taskResults.beyondHint')}
          checked={v.beyond}
          onChange={(e) => form.set('beyond', e.currentTarget.checked)}
          error={form.errors.beyond}
        />
      )}
      <Title order={3} fz="sm" mt={4}>
        {t('home.evidence')}
      </Title>
      {single && single.evidence.length > 0 && (
        <LinkList items={single.evidence.map((e) => ({ label: e.title, url: e.url }))} spacing={2} />
      )}
      {single && <TaskFiles taskInstanceId={single.id} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('home.evidenceTitle')}
          placeholder={t('home.evidenceTitleHint')}
          value={v.evidenceTitle}
          onChange={(e) => form.set('evidenceTitle', e.currentTarget.value)}
          error={form.errors['evidence.0.title']}
        />
        <TextInput
          label={t('home.evidenceUrl')}
          placeholder="https://"
          value={v.evidenceUrl}
          onChange={(e) => form.set('evidenceUrl', e.currentTarget.value)}
          error={Object.entries(form.errors).find(([k]) => k.startsWith('evidence') && k.endsWith('url'))?.[1]}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** The task's evidence files: uploaded at once (they are the task's, whatever the form above says), downloaded, removed. */
function TaskFiles({ taskInstanceId }: { taskInstanceId: string }) {
  const files = useTaskFiles(taskInstanceId);
  if (!files.data) return null;
  return <AttachmentList files={files.data} owner={{ task: taskInstanceId }} />;
}
