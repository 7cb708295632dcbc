import { Alert, Anchor, Badge, Box, Button, FileInput, Flex, Group, List, Progress, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkProgress } from '#shared/common.ts';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import type { TreeImportMode, TreeImportReport } from '#shared/tree-import.ts';
import { api, apiUrl, ApiError } from '../../api-client.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormError } from '../../components/FormError.tsx';
import { formatNumber, todayIso } from '../../components/format.ts';
import { errorMessage, notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { unitKeys } from '../../components/unit-queries.ts';
import { RowErrorsTable } from '../../components/RowErrorsTable.tsx';
import { WorkProgressBar } from '../../components/WorkProgressBar.tsx';

/** The empty lists to fill in, one per file format the import reads. */
const TEMPLATES = [
  { format: 'xlsx', label: 'treeImport.template' },
  { format: 'csv', label: 'treeImport.templateCsv' },
] as const;

/** The changes a report counts, in the order they are shown. */
const CHANGES = ['create', 'rename', 'move', 'update', 'unchanged'] as const;
/** Missing units listed before "and n more". */
const MISSING_SHOWN = 20;

/** A refused "import all" carries the report of the bad rows in its body. */
function reportOf(error: unknown): TreeImportReport | null {
  if (!(error instanceof ApiError)) return null;
  const body = error.body as { report?: TreeImportReport } | null;
  return body?.report && Array.isArray(body.report.errors) ? body.report : null;
}

/**
 * "Nhập cây tổ chức": choose a tree list (.xlsx or .csv) and the day its renames and moves take
 * effect, check it (nothing is saved), read the errors row by row and what would change, then
 * import all rows or only the good ones, with the server's progress, and see what was done.
 * `unitId` null imports into the whole installation (a system administrator's).
 */
export function TreeImportModal({ unitId, unitName, onClose }: { unitId: string | null; unitName: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [on, setOn] = useState<string | null>(todayIso());
  const [report, setReport] = useState<TreeImportReport | null>(null);
  const [busy, setBusy] = useState<TreeImportMode | null>(null);
  const [upload, setUpload] = useState(0);
  const [work, setWork] = useState<WorkProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setReport(null);
    setError(null);
  }
  function choose(f: File | null) {
    setFile(f);
    reset();
    if (f && f.size > IMPORT_MAX_BYTES) setError(t('treeImport.tooLarge', { mb: Math.round(IMPORT_MAX_BYTES / 1024 / 1024) }));
  }

  async function send(mode: TreeImportMode) {
    if (!file) return;
    setBusy(mode);
    setUpload(0);
    setWork(null);
    setError(null);
    try {
      const path = unitId === null ? '/api/units/tree/import' : `/api/units/${unitId}/tree/import`;
      const out = await api.upload<TreeImportReport>(path, file, { query: { mode, ...(on ? { on } : {}) }, onProgress: setUpload, onWork: setWork });
      setReport(out);
      if (mode !== 'check') {
        await queryClient.invalidateQueries({ queryKey: unitKeys.all });
        notifySuccess(t('treeImport.done', { created: out.counts.create, renamed: out.counts.rename, moved: out.counts.move }));
      }
    } catch (e) {
      const r = reportOf(e);
      if (r) setReport(r);
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  const uploading = busy !== null && upload < 1;
  const imported = report?.imported === true;
  const title = unitName ? t('treeImport.title', { unit: unitName }) : t('treeImport.titleAll');

  return (
    <ResponsiveModal opened onClose={busy ? () => {} : onClose} title={title} closeOnClickOutside={!busy} size="xl">
      <Stack>
        {!imported && (
          <>
            <Text size="sm">{t('treeImport.help')}</Text>
            <Group gap="lg">
              {TEMPLATES.map((x) => (
                <Anchor key={x.format} href={apiUrl(`/api/units/tree-template.${x.format}`)} download size="sm">
                  <Group gap={6} component="span">
                    <IconDownload size={16} aria-hidden />
                    {t(x.label)}
                  </Group>
                </Anchor>
              ))}
            </Group>
            <Flex direction={{ base: 'column', sm: 'row' }} gap="sm" align={{ base: 'stretch', sm: 'flex-end' }}>
              <Box style={{ flex: 1 }}>
                <FileInput
                  label={t('treeImport.file')}
                  placeholder={t('treeImport.choose')}
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                  value={file}
                  onChange={choose}
                  clearable
                  disabled={busy !== null}
                  size="md"
                />
              </Box>
              <Box w={{ base: '100%', sm: '13rem' }}>
                <DateField label={t('treeImport.on')} description={t('treeImport.onHint')} value={on} onChange={(d) => { setOn(d); reset(); }} />
              </Box>
            </Flex>
          </>
        )}
        <FormError message={error} />
        {busy && !work && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{uploading ? t('treeImport.uploading', { pct: Math.round(upload * 100) }) : busy === 'check' ? t('treeImport.checking') : t('treeImport.saving')}</Text>
            <Progress value={uploading ? upload * 100 : 100} animated={!uploading} striped={!uploading} aria-label={t('treeImport.progress')} />
          </Stack>
        )}
        {busy && <WorkProgressBar progress={work} />}
        {report && <TreeImportReportView report={report} />}
        <Flex direction={{ base: 'column', xs: 'row' }} justify="flex-end" gap="xs" wrap="wrap">
          {imported ? (
            <Button onClick={onClose}>{t('treeImport.close')}</Button>
          ) : (
            <>
              <Button variant={report ? 'default' : 'filled'} onClick={() => void send('check')} disabled={!file || busy !== null || (!!error && !report)} loading={busy === 'check'}>
                {report ? t('treeImport.checkAgain') : t('treeImport.check')}
              </Button>
              {report && report.badRows > 0 && report.goodRows > 0 && (
                <Button variant="light" onClick={() => void send('good')} disabled={busy !== null} loading={busy === 'good'}>
                  {t('treeImport.goodOnly', { count: report.goodRows })}
                </Button>
              )}
              {report && (
                <Button onClick={() => void send('all')} disabled={report.badRows > 0 || report.totalRows === 0 || busy !== null} loading={busy === 'all'}>
                  {t('treeImport.all')}
                </Button>
              )}
            </>
          )}
        </Flex>
      </Stack>
    </ResponsiveModal>
  );
}

/** What a checked or imported file does: counts of rows and of changes, the units it leaves out, and each bad row. */
function TreeImportReportView({ report }: { report: TreeImportReport }) {
  const { t } = useTranslation();
  const done = report.imported;
  return (
    <section aria-label={done ? t('treeImport.result') : t('treeImport.report')}>
      {done ? (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} p="sm" mb="sm">
          {t('treeImport.importedOn', { date: report.on.split('-').reverse().join('/') })}
        </Alert>
      ) : (
        <Group gap="xs" mb="sm">
          <Badge variant="light" color="gray" size="lg" tt="none">{t('treeImport.total', { n: formatNumber(report.totalRows) })}</Badge>
          <Badge variant="light" color="green" size="lg" tt="none">{t('treeImport.good', { n: formatNumber(report.goodRows) })}</Badge>
          <Badge variant="light" color={report.badRows > 0 ? 'red' : 'gray'} size="lg" tt="none">{t('treeImport.bad', { n: formatNumber(report.badRows) })}</Badge>
        </Group>
      )}
      <Text size="sm" fw={500} mb={4}>{done ? t('treeImport.changesDone') : t('treeImport.changesPlanned')}</Text>
      <Group gap="xs" mb="sm">
        {CHANGES.map((c) => (
          <Badge key={c} variant="outline" color={c === 'unchanged' ? 'gray' : 'blue'} size="lg" tt="none">
            {t(`treeImport.count.${c}`, { n: formatNumber(report.counts[c]) })}
          </Badge>
        ))}
      </Group>
      {report.ignoredColumns.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} p="sm" mb="xs">
          {t('treeImport.ignoredColumns', { columns: report.ignoredColumns.join(', ') })}
        </Alert>
      )}
      {report.missing.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} p="sm" mb="xs" title={t('treeImport.missing', { n: formatNumber(report.missing.length) })}>
          <ScrollArea.Autosize mah={140} type="auto">
            <List size="sm" spacing={2}>
              {report.missing.slice(0, MISSING_SHOWN).map((m) => (
                <List.Item key={m.id}>{m.code ? `${m.name} (${m.code})` : m.name}</List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
          {report.missing.length > MISSING_SHOWN && <Text size="sm" mt={4}>{t('treeImport.missingMore', { n: formatNumber(report.missing.length - MISSING_SHOWN) })}</Text>}
        </Alert>
      )}
      {!done && report.errors.length === 0 && (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} p="sm">{t('treeImport.allGood')}</Alert>
      )}
      {report.errors.length > 0 && (
        <>
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} p="sm" mb="xs">
            {done ? t('treeImport.skipped', { n: formatNumber(report.badRows) }) : t('treeImport.hasErrors')}
          </Alert>
          <RowErrorsTable errors={report.errors} />
        </>
      )}
    </section>
  );
}
