import { Alert, Anchor, Button, EmptyState, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconFileText, IconInfoCircle, IconSend, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { PlanDraftSchema } from '#shared/plans.ts';
import type { PlanDraft, PlanView } from '#shared/plans.ts';
import { ApiError } from '../../api-client.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { issueMessages } from '../../components/form-errors.ts';

import { FormError } from '../../components/FormError.tsx';
import { errorMessage } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { Section } from '../../components/Section.tsx';
import { UnitNamesContext, useUnitNames } from '../../components/unit-names.ts';
import { DocumentPicker } from './DocumentPicker.tsx';
import { ItemList } from './ItemList.tsx';
import { ObligationCard } from './ObligationCard.tsx';
import { applyProposals, draftFromForm, emptyObligation, emptyPlan, emptyTask, fillNames, formFromView, proposalsByText, unnamedUnitIds } from './plan-form.ts';
import type { PlanForm } from './plan-form.ts';
import { usePlan, usePlanUnitProposals, useSavePlan } from './plan-queries.ts';
import classes from './plans.module.css';
import { DeleteDraftModal } from './DeleteDraftModal.tsx';
import { PublishModal } from './PublishModal.tsx';
import { TaskCard } from './TaskCard.tsx';
import { formatDateTime } from '../../components/format.ts';

/** The first error of a field whose parts are checked one by one ("reminderDays.1"). */
function firstErrorUnder(errors: Record<string, string>, field: string): string | undefined {
  return Object.entries(errors).find(([k]) => k.startsWith(field))?.[1];
}

/** Errors under `prefix` ("tasks.2."), keyed by the rest of their path. */
function errorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

function Editor({ initial, planId, view }: { initial: PlanForm; planId: string | undefined; view: PlanView | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // A draft just created opens here again: say that it was saved.
  const justCreated = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  const [form, setForm] = useState<PlanForm>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const saved = useRef<string>(JSON.stringify(draftFromForm(initial)));
  // The plan's id once it exists: a new draft saved while publishing is not created twice.
  const savedId = useRef<string | null>(planId ?? null);
  const names = useUnitNames(unnamedUnitIds(form));
  const save = useSavePlan();
  const plan = usePlan(planId);
  // The units the document's names stand for: pre-selected once, marked for the person to check.
  const unitProposals = usePlanUnitProposals(planId);
  const proposals = proposalsByText(unitProposals.data);
  const proposalsApplied = useRef(false);
  useEffect(() => {
    if (!unitProposals.data || proposalsApplied.current) return;
    proposalsApplied.current = true;
    setForm((f) => applyProposals(f, proposalsByText(unitProposals.data)));
  }, [unitProposals.data]);

  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  /** The draft to send, or null (with the messages shown beside the fields) when it is not valid. */
  function validDraft(): PlanDraft | null {
    const parsed = PlanDraftSchema.safeParse(draftFromForm(fillNames(form, names)));
    if (parsed.success) {
      setErrors({});
      setFormError(null);
      return parsed.data;
    }
    setErrors(issueMessages(parsed.error));
    setFormError(t('plans.editor.fixErrors'));
    return null;
  }

  /** Saves when something changed; gives the plan's id (null when the draft is not valid). */
  async function persist(): Promise<string | null> {
    const draft = validDraft();
    if (!draft) return null;
    const body = JSON.stringify(draftFromForm(fillNames(form, names)));
    if (savedId.current && body === saved.current) return savedId.current;
    try {
      const id = await save.mutateAsync({ id: savedId.current, draft });
      savedId.current = id;
      saved.current = body;
      setSavedAt(formatDateTime(new Date().toISOString()));
      if (planId) {
        // New tasks and reports got their ids on the server: continue from the saved draft.
        const fresh = await plan.refetch();
        if (fresh.data) {
          const next = formFromView(fresh.data);
          saved.current = JSON.stringify(draftFromForm(next));
          setForm(next);
        }
      }
      return id;
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fieldMap());
      setFormError(errorMessage(e));
      throw e;
    }
  }

  async function onSave() {
    try {
      const id = await persist();
      if (!id) return;
      if (!planId) navigate(`/plans/${id}/edit`, { replace: true, state: { saved: true } });
    } catch {
      // shown above the form
    }
  }

  const taskWords = { title: t('plans.editor.tasks', { n: form.tasks.length }), empty: t('plans.editor.noTasks'), add: t('plans.editor.addTask') };
  const reportWords = { title: t('plans.editor.reports', { n: form.obligations.length }), empty: t('plans.editor.noReports'), add: t('plans.editor.addReport') };
  const newObligation = () => emptyObligation({ id: form.unitId, name: form.unitName });
  /** A text field of the plan: its value, the change typing makes, its first error. */
  const text = (key: 'reminderDays' | 'recipients') => ({
    value: form[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value),
    error: firstErrorUnder(errors, key),
  });
  const taskErrors = (i: number) => errorsUnder(errors, `tasks.${i}.`);
  const obligationErrors = (i: number) => errorsUnder(errors, `obligations.${i}.`);

  return (
    <UnitNamesContext.Provider value={names}>
      <PageHeader
        title={planId ? t('plans.editor.editTitle') : t('plans.editor.newTitle')}
        subtitle={t('plans.editor.issuer', { unit: form.unitName })}
        actions={
          planId ? (
            <>
              <Button component={Link} to={`/plans/${planId}`} variant="default" leftSection={<IconFileText size={18} aria-hidden />}>
                {t('plans.editor.view')}
              </Button>
              {view?.permissions.delete && (
                <Button variant="default" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDeleting(true)}>
                  {t('plans.delete.open')}
                </Button>
              )}
            </>
          ) : null
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onSave();
        }}
        noValidate
      >
        <Stack gap="md">
          {view?.parentPlan && (
            <Alert color="grape" icon={<IconInfoCircle aria-hidden />}>
              {t('plans.editor.implementsParent')}{' '}
              <Anchor component={Link} to={`/plans/${view.parentPlan.id}`} fw={600}>
                {[view.parentPlan.number, view.parentPlan.title].filter(Boolean).join(' — ')}
              </Anchor>{' '}
              ({view.parentPlan.unitName})
            </Alert>
          )}
          <Section title={t('plans.editor.general')} id="plan-general">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('plans.fields.number')}
                  placeholder={t('plans.fields.numberHint')}
                  value={form.number}
                  onChange={(e) => set('number', e.currentTarget.value)}
                  error={errors.number}
                />
                <DateField
                  label={t('plans.fields.issuedOn')}
                  description={t('plans.fields.issuedOnHint')}
                  value={form.issuedOn}
                  onChange={(v) => set('issuedOn', v)}
                  clearable
                  error={errors.issuedOn}
                />
              </SimpleGrid>
              <Textarea label={t('plans.fields.title')} value={form.title} onChange={(e) => set('title', e.currentTarget.value)} autosize minRows={2} maxRows={6} required error={errors.title} />
              <DocumentPicker
                label={t('plans.fields.implements')}
                description={t('plans.fields.implementsHint')}
                value={form.implementsDocs}
                onChange={(d) => set('implementsDocs', d)}
                excludeId={planId}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Stack gap={4}>
                  <Text fw={500} id="plan-confidentiality">
                    {t('plans.fields.confidentiality')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="plan-confidentiality"
                    value={form.confidentiality}
                    onChange={(v) => set('confidentiality', v as PlanForm['confidentiality'])}
                    data={[
                      { value: 'normal', label: t('plans.confidentiality.normal') },
                      { value: 'secret', label: t('plans.confidentiality.secret') },
                    ]}
                    w="fit-content"
                  />
                  <Text size="xs" c="dimmed">
                    {form.confidentiality === 'secret' ? t('plans.fields.secretHint') : t('plans.fields.normalHint')}
                  </Text>
                </Stack>
                <TextInput label={t('plans.fields.reminderDays')} description={t('plans.fields.reminderDaysHint')} {...text('reminderDays')} />
              </SimpleGrid>
              <Textarea label={t('plans.fields.recipients')} description={t('plans.fields.recipientsHint')} autosize minRows={2} maxRows={8} {...text('recipients')} />
            </Stack>
          </Section>

          <ItemList id="plan-tasks" words={taskWords} items={form.tasks} onChange={(tasks) => set('tasks', tasks)} create={emptyTask}>
            {(task, i, edit) => <TaskCard task={task} index={i} count={form.tasks.length} errors={taskErrors(i)} proposals={proposals} {...edit} />}
          </ItemList>

          <ItemList id="plan-reports" words={reportWords} items={form.obligations} onChange={(obligations) => set('obligations', obligations)} create={newObligation}>
            {(o, i, edit) => <ObligationCard obligation={o} index={i} count={form.obligations.length} errors={obligationErrors(i)} proposals={proposals} {...edit} />}
          </ItemList>
        </Stack>

        <div className={classes.actionBar}>
          <Stack gap="xs">
            <FormError message={formError} />
            <Group justify="flex-end" gap="sm">
              {(savedAt || justCreated) && (
                <Text size="sm" c="dimmed" role="status" style={{ flex: '1 1 auto' }}>
                  {savedAt ? t('plans.editor.savedAt', { at: savedAt }) : t('plans.editor.saved')}
                </Text>
              )}
              <Button type="submit" variant="default" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={save.isPending && !publishing}>
                {t('plans.editor.saveDraft')}
              </Button>
              <Button leftSection={<IconSend size={18} aria-hidden />} onClick={() => setPublishing(true)}>
                {t('plans.editor.publish')}
              </Button>
            </Group>
          </Stack>
        </div>
      </form>
      {deleting && view && <DeleteDraftModal plan={view} onClose={() => setDeleting(false)} />}
      <PublishModal
        opened={publishing}
        onClose={() => setPublishing(false)}
        prepare={persist}
        title={form.title}
        tasks={form.tasks.length}
        reports={form.obligations.length}
      />
    </UnitNamesContext.Provider>
  );
}

/** A new plan of the acting unit (/plans/new) or a saved draft (/plans/:id/edit). */
export function PlanEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const acting = useActingUnit();
  const plan = usePlan(id);

  if (!id) {
    if (acting.loading) return <PageLoader />;
    if (!acting.unitId || !acting.unitName) {
      return <EmptyState icon={<IconFileText size={40} aria-hidden />} title={t('plans.noUnitTitle')} description={t('plans.noUnitBody')} py="xl" />;
    }
    return <Editor key={acting.unitId} initial={emptyPlan({ id: acting.unitId, name: acting.unitName })} planId={undefined} view={null} />;
  }
  if (plan.isPending) return <PageLoader />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data.permissions.edit) {
    return (
      <Alert color="orange" icon={<IconInfoCircle aria-hidden />} title={t('plans.editor.notEditableTitle')}>
        {plan.data.status === 'draft' ? t('plans.editor.notAllowed') : t('plans.editor.published')}{' '}
        <Anchor component={Link} to={`/plans/${id}`}>
          {t('plans.editor.view')}
        </Anchor>
      </Alert>
    );
  }
  return <Editor key={id} initial={formFromView(plan.data)} planId={id} view={plan.data} />;
}
