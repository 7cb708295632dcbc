import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_MAX_LENGTH } from '#core/personal-plans/check-plan.ts';
import type { PersonalPlanView, PlanItemInput, PlanSections } from '#shared/personal-plans.ts';
import { ApiError } from '../../api-client.ts';
import type { FieldError } from '../../api-client.ts';
import { DateField } from '../../components/DateField.tsx';
import { todayIso } from '../../components/format.ts';
import { FormError } from '../../components/FormError.tsx';
import { Hint } from '../../components/Hint.tsx';
import { errorMessage } from '../../components/notify.ts';
import { Section } from '../../components/Section.tsx';
import classes from '../../components/layout.module.css';
import { useSavePlan, useSubmitPlan } from './personal-plan-queries.ts';
import { usePlanLabels } from './plan-labels.ts';
import { boundsText, mayAdd, mayRemove, placeIssues, sameSections, sectionsToSend, startingSections } from './plan-items.ts';
import type { FormSection, SectionIssues } from './plan-items.ts';

/**
 * Writing the plan: the sections the member fills, each item a text with its area (or, in the
 * leaders' part, its group), items added and removed within the section's bounds; "Lưu nháp" keeps
 * a draft, "Gửi chi bộ" submits. What the server finds wrong shows at the section or item it names.
 * The secretary entering a paper plan says so, and gives the day the member handed it in.
 */
export function PlanEditor({ v, sections }: { v: PersonalPlanView; sections: readonly FormSection[] }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<PlanSections>(() => startingSections(v));
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [submittedOn, setSubmittedOn] = useState<string | null>(todayIso());
  const dirty = !sameSections(items, startingSections(v));
  const grouped = new Set(sections.filter((s) => s.grouped).map((s) => s.key));
  const onError = (e: unknown) => {
    const placed = e instanceof ApiError ? e.fields : [];
    setFields(placed);
    setError(placed.length > 0 ? t('personalPlans.plan.fixBelow') : errorMessage(e));
  };
  const clear = () => {
    setFields([]);
    setError(null);
  };
  const save = useSavePlan(v.round.id, v.person.id, { notice: () => t('personalPlans.plan.saved'), onError });
  const submit = useSubmitPlan(v.round.id, v.person.id, { notice: (out) => t(out.late ? 'personalPlans.plan.submittedLate' : 'personalPlans.plan.submitted'), onError });
  const busy = save.isPending || submit.isPending;
  // The saved version's problems hold while nothing has changed since; a refused submission's, until the next try.
  const placed = placeIssues(v.filled, dirty || v.versions.length === 0 ? [] : v.issues, fields);

  const update = (key: string, list: PlanItemInput[]) => setItems((cur) => ({ ...cur, [key]: list }));
  function doSave() {
    clear();
    save.mutate(sectionsToSend(items, grouped));
  }
  function doSubmit() {
    if (v.onBehalf && !submittedOn) return setError(t('personalPlans.plan.submittedOnRequired'));
    clear();
    submit.mutate({ sections: sectionsToSend(items, grouped), ...(v.onBehalf && submittedOn ? { submittedOn } : {}) });
  }

  return (
    <Stack gap="md">
      {v.onBehalf && (
        <Alert color="blue" title={t('personalPlans.plan.onBehalfTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('personalPlans.plan.onBehalf', { name: v.person.fullName })}</Text>
            <DateField label={t('personalPlans.plan.submittedOn')} value={submittedOn} onChange={setSubmittedOn} maxDate={todayIso()} required />
          </Stack>
        </Alert>
      )}
      {sections.map((s) => (
        <SectionEditor key={s.key} s={s} list={items[s.key] ?? []} onChange={(list) => update(s.key, list)} issues={placed.bySection[s.key]} />
      ))}
      {placed.other.length > 0 && (
        <Alert color="red" role="alert" p="sm">
          {placed.other.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
      <FormError message={error} />
      {dirty && <Hint>{t('personalPlans.plan.unsaved')}</Hint>}
      <Group gap="sm" justify="flex-end" className={classes.actions}>
        <Button variant="default" onClick={doSave} loading={save.isPending} disabled={busy && !save.isPending}>
          {t('personalPlans.plan.saveDraft')}
        </Button>
        <Button leftSection={<IconSend size={18} aria-hidden />} onClick={doSubmit} loading={submit.isPending} disabled={busy && !submit.isPending}>
          {t('personalPlans.plan.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function SectionEditor({ s, list, onChange, issues }: { s: FormSection; list: PlanItemInput[]; onChange: (list: PlanItemInput[]) => void; issues: SectionIssues | undefined }) {
  const { t } = useTranslation();
  const l = usePlanLabels();
  const b = boundsText(s);
  const word = s.grouped ? 'example' : 'item';
  const set = (i: number, change: Partial<PlanItemInput>) => onChange(list.map((it, j) => (j === i ? { ...it, ...change } : it)));
  return (
    <Section title={s.title} id={`plan-section-${s.key}`}>
      <Stack gap="sm">
        <Hint>{t(`personalPlans.plan.bounds.${word}.${b.key}`, { min: b.min, max: b.max })}</Hint>
        {issues?.section.map((m) => (
          <Text key={m} c="red" size="sm" fw={500}>
            {m}
          </Text>
        ))}
        {list.map((it, i) => {
          const n = i + 1;
          const wrong = issues?.items[n];
          return (
            <Paper key={i} withBorder p="xs" bg="gray.0">
              <Stack gap="xs">
                <Textarea
                  label={t(`personalPlans.plan.${word}N`, { n })}
                  value={it.text}
                  onChange={(e) => set(i, { text: e.currentTarget.value })}
                  autosize
                  minRows={3}
                  maxRows={12}
                  maxLength={ITEM_MAX_LENGTH}
                  error={wrong?.join(' ')}
                />
                {s.grouped ? (
                  <Select label={t('personalPlans.plan.groupOf', { n })} data={l.groupOptions()} value={it.group ?? null} onChange={(x) => set(i, { group: x as PlanItemInput['group'] })} clearable />
                ) : (
                  <Select label={t('personalPlans.plan.areaOf', { n })} data={l.areaOptions(s.areas)} value={it.area ?? null} onChange={(x) => set(i, { area: x as PlanItemInput['area'] })} clearable />
                )}
                {mayRemove(s, list.length) && (
                  <Group justify="flex-end">
                    <Button variant="subtle" color="red" size="compact-sm" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => onChange(list.filter((_, j) => j !== i))}>
                      {t(`personalPlans.plan.remove.${word}`, { n })}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
        {mayAdd(s, list.length) && (
          <Group>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...list, s.grouped ? { text: '', group: null } : { text: '', area: null }])}>
              {t(`personalPlans.plan.add.${word}`)}
            </Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
