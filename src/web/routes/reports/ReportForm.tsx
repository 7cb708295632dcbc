import { Alert, Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCloudOff, IconDeviceFloppy, IconHistory, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSubmission, describeProblem, sectionsOf } from '#core/reports/form.ts';
import type { ObligationInstanceDetail } from '#shared/reports.ts';
import { ApiError } from '../../api-client.ts';
import { AttachmentList } from '../../components/attachments/AttachmentList.tsx';
import { formatDateTime, formatNumber, formatRate, numberSeparators } from '../../components/format.ts';
import { FormError } from '../../components/FormError.tsx';
import { Hint } from '../../components/Hint.tsx';
import { wholeNumberGuard } from '../../components/number-entry.ts';
import { errorMessage, notifySuccess } from '../../components/notify.ts';
import { Section } from '../../components/Section.tsx';
import { dropLocalDraft, keepLocalDraft, readLocalDraft, withKnownFigures } from './report-draft.ts';
import type { LocalDraft } from './report-draft.ts';
import { useSaveSubmission } from './report-queries.ts';
import classes from './reports.module.css';

type Figures = Record<string, number | null>;

/**
 * What the form starts from: the working draft, else the last version sent (to correct a returned
 * report), with the figures the system knows filled in where nothing was entered.
 */
function startingPoint(d: ObligationInstanceDetail): { figures: Figures; narrative: Record<string, string> } {
  const last = d.versions[d.versions.length - 1];
  return { figures: withKnownFigures(last?.figures ?? {}, d.known), narrative: { ...(last?.narrative ?? {}) } };
}

const same = (a: { figures: Figures; narrative: Record<string, string> }, b: { figures: Figures; narrative: Record<string, string> }) =>
  JSON.stringify(a.figures) === JSON.stringify(b.figures) && JSON.stringify(a.narrative) === JSON.stringify(b.narrative);

/**
 * The report a unit fills in, phone first: each figure a large numeric field (a part shown against
 * its whole, "18 / 20"), each narrative section a text area, "Lưu nháp" and "Gửi báo cáo". When
 * sending fails (no connection) the text is kept on the device and offered back next time.
 */
export function ReportForm({ detail, onBehalf = false }: { detail: ObligationInstanceDetail; onBehalf?: boolean }) {
  const { t } = useTranslation();
  const form = detail.obligation.form;
  const sections = sectionsOf({ figures: form.figures, sections: form.sections });
  const start = startingPoint(detail);
  const [figures, setFigures] = useState<Figures>(start.figures);
  const [narrative, setNarrative] = useState<Record<string, string>>(start.narrative);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [kept, setKept] = useState<LocalDraft | null>(() => {
    const local = readLocalDraft(detail.id);
    return local && !same(local, start) ? local : null;
  });
  const [keptNow, setKeptNow] = useState(false);
  const save = useSaveSubmission(detail.id);

  function check(final: boolean): boolean {
    const problems = checkSubmission({ figures: form.figures, sections }, { figures, narrative }, { final });
    const next: Record<string, string> = {};
    for (const p of problems) {
      // A field left empty because letters were typed in it keeps saying so.
      if (p.code === 'FIGURES_MISSING') for (const k of p.keys) next[k] ??= errors[k] === t('reports.form.digitsOnly') ? errors[k] : t('reports.form.fillFigure');
      else if ('key' in p && !(p.key in next)) next[p.key] = describeProblem(p);
    }
    setErrors(next);
    setFormError(problems.length > 0 ? t('reports.form.fixErrors') : null);
    return problems.length === 0;
  }

  function send(submit: boolean) {
    setKeptNow(false);
    if (!check(submit)) return;
    const body = { figures, narrative, submit, ...(onBehalf ? { onBehalf: true } : {}) };
    save.mutate(body, {
      onSuccess: (out) => {
        dropLocalDraft(detail.id);
        setKept(null);
        setFormError(null);
        notifySuccess(submit ? t('reports.form.submitted', { version: out.version }) : t('reports.form.draftSaved'));
      },
      onError: (e) => {
        // No connection, or the server away: what was typed stays on this device until it is sent.
        const unreachable = !(e instanceof ApiError) || e.status === 0 || e.status >= 500;
        setKeptNow(unreachable && keepLocalDraft(detail.id, { figures, narrative }));
        setFormError(errorMessage(e));
      },
    });
  }

  const digitsOnly = (key: string) => setErrors((e) => ({ ...e, [key]: t('reports.form.digitsOnly') }));
  const separators = numberSeparators();

  const setFigure = (key: string, v: string | number) => {
    setFigures((f) => ({ ...f, [key]: typeof v === 'number' ? v : v === '' ? null : Number(v) }));
    setErrors((e) => {
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  };

  return (
    <Section
      title={onBehalf ? t('reports.form.onBehalfTitle', { unit: detail.unit.name }) : detail.status === 'returned' ? t('reports.form.resubmitTitle') : t('reports.form.title')}
      id="report-form-title"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send(true);
        }}
        noValidate
      >
        <Stack gap="md">
          {kept && (
            <Alert color="blue" icon={<IconHistory aria-hidden />} title={t('reports.form.keptTitle')}>
              <Text size="sm">{t('reports.form.keptBody', { at: formatDateTime(kept.savedAt) })}</Text>
              <Group gap="xs" mt="xs">
                <Button
                  size="sm"
                  onClick={() => {
                    setFigures(kept.figures);
                    setNarrative(kept.narrative);
                    setKept(null);
                  }}
                >
                  {t('reports.form.restore')}
                </Button>
                <Button
                  size="sm"
                  variant="default"
                  onClick={() => {
                    dropLocalDraft(detail.id);
                    setKept(null);
                  }}
                >
                  {t('reports.form.discard')}
                </Button>
              </Group>
            </Alert>
          )}
          {form.figures.length > 0 && (
            <Stack gap="sm">
              <Title order={3} fz="h5">
                {t('reports.form.figures')}
              </Title>
              {detail.obligation.cutoffDay && (
                <Hint>{t('reports.form.cutoff', { day: detail.obligation.cutoffDay })}</Hint>
              )}
              {form.figures.map((f) => {
                const whole = f.of ? form.figures.find((w) => w.key === f.of) : undefined;
                const part = figures[f.key];
                const of = whole ? figures[whole.key] : undefined;
                const ratio =
                  whole && typeof part === 'number' && typeof of === 'number'
                    ? `${formatNumber(part)} / ${formatNumber(of)}${of > 0 && part <= of ? ` (${formatRate(part / of)})` : ''}`
                    : null;
                const known = detail.known[f.key];
                const notes = [
                  whole ? (ratio ? t('reports.form.partOfRatio', { whole: whole.label, ratio }) : t('reports.form.partOf', { whole: whole.label })) : null,
                  known ? (part === known.value ? t('reports.form.fromMembers') : t('reports.form.membersListed', { n: formatNumber(known.value) })) : null,
                ].filter(Boolean);
                return (
                  <NumberInput
                    key={f.key}
                    label={f.unit ? `${f.label} (${f.unit})` : f.label}
                    description={notes.length > 0 ? notes.join(' · ') : undefined}
                    value={part ?? ''}
                    onChange={(v) => setFigure(f.key, v)}
                    min={0}
                    max={1_000_000_000}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator={separators.thousands}
                    decimalSeparator={separators.decimal}
                    {...wholeNumberGuard(() => digitsOnly(f.key))}
                    inputMode="numeric"
                    hideControls
                    size="lg"
                    styles={{ label: { fontSize: 'var(--mantine-font-size-md)' } }}
                    error={errors[f.key]}
                  />
                );
              })}
            </Stack>
          )}
          <Stack gap="sm">
            {sections.map((s) => (
              <Textarea
                key={s.key}
                label={s.title}
                value={narrative[s.key] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setNarrative((n) => ({ ...n, [s.key]: value }));
                }}
                autosize
                minRows={4}
                maxRows={16}
                size="md"
                error={errors[s.key]}
              />
            ))}
          </Stack>
          <Stack gap="xs">
            <Title order={3} fz="h5">
              {t('attachments.title')}
            </Title>
            <Hint>{t('attachments.reportHint')}</Hint>
            <AttachmentList files={detail.files} owner={{ report: detail.id, onBehalf }} />
          </Stack>
          {keptNow && (
            <Alert color="orange" icon={<IconCloudOff aria-hidden />} title={t('reports.form.offlineTitle')} role="alert">
              {t('reports.form.offlineBody')}
            </Alert>
          )}
          {!keptNow && <FormError message={formError} />}
          <Group grow gap="sm" className={classes.buttons}>
            <Button
              size="lg"
              variant="default"
              leftSection={<IconDeviceFloppy size={20} aria-hidden />}
              loading={save.isPending && save.variables?.submit === false}
              disabled={save.isPending}
              onClick={() => send(false)}
            >
              {t('reports.form.saveDraft')}
            </Button>
            <Button size="lg" type="submit" leftSection={<IconSend size={20} aria-hidden />} loading={save.isPending && save.variables?.submit === true} disabled={save.isPending}>
              {t('reports.form.submit')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('reports.form.submitHint')}
          </Text>
        </Stack>
      </form>
    </Section>
  );
}
