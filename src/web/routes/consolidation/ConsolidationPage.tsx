import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconFileSpreadsheet, IconFileTypeDocx, IconInfoCircle, IconMail, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { ConsolidationDraftInput, ConsolidationView } from '#shared/consolidation.ts';
import { apiUrl } from '../../api-client.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

import { Hint } from '../../components/Hint.tsx';
import layout from '../../components/layout.module.css';
import { notifyError, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { Section } from '../../components/Section.tsx';
import { consolidationKeys, scopeQuery, useConsolidation, useSaveConsolidation, useSubmitConsolidation } from './consolidation-queries.ts';
import { downloadFile } from '../../components/download.ts';
import { FiguresPanel } from './FiguresPanel.tsx';
import { ReportingPanel } from './ReportingPanel.tsx';
import { formatDateTime } from '../../components/format.ts';

type Draft = ConsolidationDraftInput;

/** The draft as the server takes it: recipients one per non-empty line, texts as typed. */
function cleanDraft(d: Draft): Draft {
  return { ...d, recipients: d.recipients.map((r) => r.trim()).filter(Boolean) };
}

/** The passages of the units under a section, as the drafted text puts them. */
const drafted = (view: ConsolidationView, key: string) =>
  (view.sections.find((s) => s.key === key)?.parts ?? []).map((p) => `- ${p.unitName}: ${p.text.trim()}`).join('\n');

function Versions({ view }: { view: ConsolidationView }) {
  const { t } = useTranslation();
  if (view.versions.length === 0) return null;
  const columns: Column<ConsolidationView['versions'][number]>[] = [
    { key: 'version', header: '#', th: { w: 60 }, cell: (v) => v.version },
    { key: 'kind', header: t('consolidation.versionKind'), cell: (v) => t(`consolidation.kinds.${v.kind}`) },
    { key: 'at', header: t('consolidation.versionAt'), cell: (v) => formatDateTime(v.createdAt) },
    { key: 'by', header: t('consolidation.versionBy'), cell: (v) => v.createdBy?.name ?? '—' },
    { key: 'number', header: t('consolidation.number'), cell: (v) => (v.number?.trim() ? v.number : '—') },
  ];
  return (
    <Section title={t('consolidation.versions')} id="versions-title" small titleGap="xs">
      <DataTable label={t('consolidation.versions')} rows={view.versions} rowKey={(v) => String(v.version)} minWidth={480} striped={false} verticalSpacing={4} columns={columns} />
    </Section>
  );
}

function Editor({ view, obligationId }: { view: ConsolidationView; obligationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(view.draft);
  const [recipients, setRecipients] = useState(view.draft.recipients.join('\n'));
  const [busy, setBusy] = useState<'docx' | 'xlsx' | 'urge' | null>(null);
  const [confirm, setConfirm] = useState(false);
  const unit = view.unit.id;
  const period = view.period.key;
  const save = useSaveConsolidation(obligationId, unit, period);
  const submit = useSubmitConsolidation(obligationId, unit, period);
  const editable = view.permissions.edit;
  const current = useMemo(() => cleanDraft({ ...draft, recipients: recipients.split('\n') }), [draft, recipients]);
  const dirty = JSON.stringify(current) !== JSON.stringify(cleanDraft(view.draft));
  const overridesValid = current.overrides.every((o) => o.note.trim() !== '');
  const url = (rest: string) => apiUrl(`/api/obligations/${obligationId}/${rest}`, scopeQuery(unit, period));

  /** Saves the edits when there are any: the Word file and the report sent upward are made from the saved draft. */
  const saveIfDirty = async () => {
    if (!dirty) return;
    await save.mutateAsync({ draft: current, baseVersion: view.latest?.version ?? 0 });
  };
  const run = async (what: 'docx' | 'xlsx' | 'urge', action: () => Promise<unknown>, done?: string) => {
    setBusy(what);
    try {
      await action();
      if (done) notifySuccess(done);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  const exportWord = () =>
    run('docx', async () => {
      await saveIfDirty();
      await downloadFile(url('consolidated.docx'), 'bao-cao-tong-hop.docx', { method: 'POST' });
      await client.invalidateQueries({ queryKey: consolidationKeys.all });
    }, t('consolidation.exported'));
  const onSave = async () => {
    try {
      await saveIfDirty();
      notifySuccess(t('consolidation.saved'));
    } catch (e) {
      notifyError(e);
    }
  };
  const onSubmit = async () => {
    try {
      await saveIfDirty();
      await submit.mutateAsync();
      setConfirm(false);
      notifySuccess(t('consolidation.submitted'));
    } catch (e) {
      notifyError(e);
    }
  };
  const lateOrMissing = view.reports.some((r) => r.state === 'missing' || (r.state === 'returned' && r.daysLate !== null));

  return (
    <Stack gap="md">
      <Group gap="xs" className={layout.actions} justify="flex-end">
        {editable && (
          <Button variant="light" leftSection={<IconDeviceFloppy size={18} aria-hidden />} loading={save.isPending && busy === null} disabled={!dirty || !overridesValid} onClick={() => void onSave()}>
            {t('consolidation.save')}
          </Button>
        )}
        {editable && (
          <Button leftSection={<IconFileTypeDocx size={18} aria-hidden />} loading={busy === 'docx'} disabled={!overridesValid} onClick={() => void exportWord()}>
            {t('consolidation.exportWord')}
          </Button>
        )}
        <Button variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />} loading={busy === 'xlsx'} onClick={() => void run('xlsx', () => downloadFile(url('consolidation.xlsx'), 'tong-hop-so-lieu.xlsx'))}>
          {t('consolidation.exportExcel')}
        </Button>
        {lateOrMissing && (
          <Button variant="default" leftSection={<IconMail size={18} aria-hidden />} loading={busy === 'urge'} onClick={() => void run('urge', () => downloadFile(url('urging-letter.docx'), 'cong-van-don-doc.docx'))}>
            {t('consolidation.urgingLetter')}
          </Button>
        )}
        {editable && (
          <Button color="teal" leftSection={<IconSend size={18} aria-hidden />} disabled={!view.permissions.submit || !overridesValid} onClick={() => setConfirm(true)}>
            {t('consolidation.submitUp')}
          </Button>
        )}
      </Group>
      {editable && !view.permissions.submit && view.targetProblem && (
        <Text size="sm" c="dimmed" ta="right">
          {view.targetProblem}
        </Text>
      )}
      {view.latest && !view.latest.current && (
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} title={t('consolidation.staleTitle')}>
          {t('consolidation.staleBody')}
        </Alert>
      )}

      <ReportingPanel view={view} />
      <FiguresPanel view={view} overrides={draft.overrides} editable={editable} onChange={(overrides) => setDraft({ ...draft, overrides })} />

      <Section title={t('consolidation.content')} id="content-title" titleGap="xs">
        <Text size="sm" c="dimmed" mb="sm">
          {view.number.note ?? t('consolidation.numberLine', { number: view.number.symbol })}
        </Text>
        <Stack gap="sm">
          <TextInput label={t('consolidation.summary')} value={draft.title} readOnly={!editable} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
          <Textarea label={t('consolidation.opening')} autosize minRows={2} value={draft.opening} readOnly={!editable} onChange={(e) => setDraft({ ...draft, opening: e.currentTarget.value })} />
          {draft.sections.map((s, i) => {
            const parts = view.sections.find((x) => x.key === s.key)?.parts ?? [];
            return (
              <Stack key={s.key} gap={4}>
                <Textarea
                  label={s.title}
                  autosize
                  minRows={4}
                  maxRows={20}
                  value={s.text}
                  readOnly={!editable}
                  onChange={(e) => {
                    const text = e.currentTarget.value;
                    setDraft({ ...draft, sections: draft.sections.map((x, k) => (k === i ? { ...x, text } : x)) });
                  }}
                />
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {parts.length === 0 ? t('consolidation.noParts') : t('consolidation.partsFrom', { units: parts.map((p) => `${p.unitName} (${t('consolidation.version', { v: p.version })})`).join('; ') })}
                  </Text>
                  {editable && parts.length > 0 && (
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      onClick={() => setDraft({ ...draft, sections: draft.sections.map((x, k) => (k === i ? { ...x, text: drafted(view, s.key) } : x)) })}
                    >
                      {t('consolidation.redraft', { title: s.title })}
                    </Anchor>
                  )}
                </Group>
              </Stack>
            );
          })}
          <Textarea label={t('consolidation.closing')} autosize minRows={2} value={draft.closing} readOnly={!editable} onChange={(e) => setDraft({ ...draft, closing: e.currentTarget.value })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Textarea label={t('consolidation.recipients')} description={t('consolidation.recipientsHint')} autosize minRows={3} value={recipients} readOnly={!editable} onChange={(e) => setRecipients(e.currentTarget.value)} />
            <Stack gap="xs">
              <TextInput label={t('consolidation.signerCapacity')} value={draft.signer.capacity} readOnly={!editable} onChange={(e) => setDraft({ ...draft, signer: { ...draft.signer, capacity: e.currentTarget.value } })} />
              <TextInput label={t('consolidation.signerTitle')} value={draft.signer.title} readOnly={!editable} onChange={(e) => setDraft({ ...draft, signer: { ...draft.signer, title: e.currentTarget.value } })} />
              <TextInput label={t('consolidation.signerName')} value={draft.signer.name} readOnly={!editable} onChange={(e) => setDraft({ ...draft, signer: { ...draft.signer, name: e.currentTarget.value } })} />
            </Stack>
          </SimpleGrid>
        </Stack>
      </Section>

      <Versions view={view} />

      <ResponsiveModal opened={confirm} onClose={() => setConfirm(false)} title={t('consolidation.submitTitle')}>
        {view.target && (
          <Stack gap="sm">
            <Text size="sm">
              {t('consolidation.submitBody', {
                unit: view.unit.name,
                obligation: view.target.obligationTitle,
                plan: view.target.planNumber ?? '',
                period: view.target.periodLabel,
                to: view.target.toText ?? '',
              })}
            </Text>
            <Hint>{t('consolidation.submitWarning')}</Hint>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(false)} disabled={submit.isPending}>
                {t('common.cancel')}
              </Button>
              <Button color="teal" loading={submit.isPending || save.isPending} onClick={() => void onSubmit()}>
                {t('consolidation.submitConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </ResponsiveModal>
    </Stack>
  );
}

/**
 * The consolidated report of an obligation over a unit's subtree (`?unit=`, default the acting unit)
 * for a period (`?period=`): who reported, the figures with their sources, the draft to edit, and
 * the actions — save, export to Word and Excel, urge the late units, send it upward.
 */
export function ConsolidationPage() {
  const { t } = useTranslation();
  const { obligationId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const acting = useActingUnit();
  const unit = params.get('unit') ?? acting.unitId;
  const period = params.get('period');
  // Wait for the acting unit when the address names none: the server would otherwise take the plan's unit.
  const q = useConsolidation(obligationId, unit, period, !!unit || !acting.loading);
  if (q.isPending) return <PageLoader />;
  if (q.isError) {
    return (
      <>
        <PageHeader title={t('consolidation.pageTitle')} />
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      </>
    );
  }
  const v = q.data;
  return (
    <>
      <PageHeader
        title={t('consolidation.pageTitle')}
        subtitle={
          <Stack gap={2}>
            <Text size="sm">{v.obligation.title}</Text>
            <Hint>{t('consolidation.pageSubtitle', { plan: v.obligation.planNumber ?? v.obligation.planTitle, unit: v.unit.name })}</Hint>
            <Anchor component={Link} to="/consolidation" size="sm">
              {t('consolidation.backToList')}
            </Anchor>
          </Stack>
        }
        actions={
          v.periods.length > 1 ? (
            <Select
              label={t('consolidation.period')}
              data={v.periods.map((p) => ({ value: p.key, label: p.label }))}
              value={v.period.key}
              allowDeselect={false}
              onChange={(key) => {
                if (!key) return;
                const next = new URLSearchParams(params);
                next.set('period', key);
                next.set('unit', v.unit.id);
                setParams(next);
              }}
              w={220}
            />
          ) : (
            <Hint>{t('consolidation.periodOnly', { period: v.period.label })}</Hint>
          )
        }
      />
      <Editor key={`${v.unit.id}:${v.period.key}:${v.latest?.version ?? 0}`} view={v} obligationId={obligationId} />
    </>
  );
}
