import { Anchor, Button, FileInput, Flex, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkProgress } from '#shared/common.ts';
import type { ImportReport } from '#shared/members.ts';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import { api, apiUrl, ApiError } from '../../api-client.ts';
import { FormError } from '../../components/FormError.tsx';
import { errorMessage, notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { WorkProgressBar } from '../../components/WorkProgressBar.tsx';
import { unitKeys } from '../../components/unit-queries.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { memberKeys } from './member-queries.ts';

type Mode = 'check' | 'all' | 'good';

/** The empty lists to fill in, one per file format the import reads. */
const TEMPLATES = [
  { format: 'xlsx', label: 'members.importTemplate' },
  { format: 'csv', label: 'members.importTemplateCsv' },
] as const;

/** A refused "import all" carries the report of the bad rows in its body. */
function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError)) return null;
  const body = error.body as { report?: ImportReport; error?: { report?: ImportReport } } | null;
  const r = body?.report ?? body?.error?.report;
  return r && Array.isArray(r.errors) ? r : null;
}

/**
 * "Nhập danh sách": choose a file (.xlsx or .csv), check it (nothing is saved), read the errors
 * row by row and how many people go to each unit, then import all rows or only the good ones,
 * watching the server write them (a province's list takes a while).
 */
export function ImportMembersModal({ unitId, unitName, onClose }: { unitId: string; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [progress, setProgress] = useState(0);
  const [work, setWork] = useState<WorkProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  function choose(f: File | null) {
    setFile(f);
    setReport(null);
    setError(null);
    if (f && f.size > IMPORT_MAX_BYTES) setError(t('members.importTooLarge', { mb: Math.round(IMPORT_MAX_BYTES / 1024 / 1024) }));
  }

  async function send(mode: Mode) {
    if (!file) return;
    setBusy(mode);
    setProgress(0);
    setWork(null);
    setError(null);
    try {
      const out = await api.upload<ImportReport>(`/api/units/${unitId}/members/import`, file, { query: { mode }, onProgress: setProgress, onWork: setWork });
      setReport(out);
      if (mode !== 'check') {
        await Promise.all([queryClient.invalidateQueries({ queryKey: memberKeys.all }), queryClient.invalidateQueries({ queryKey: unitKeys.all })]);
        notifySuccess(t('members.imported', { count: out.imported, unit: unitName }));
        onClose();
      }
    } catch (e) {
      const r = reportOf(e);
      if (r) setReport(r);
      setError(errorMessage(e));
    } finally {
      setBusy(null);
      setWork(null);
    }
  }

  const uploading = busy !== null && progress < 1;
  const canImport = !!report && !error && report.totalRows > 0;

  return (
    <ResponsiveModal opened onClose={busy ? () => {} : onClose} title={t('members.importTitle', { unit: unitName })} closeOnClickOutside={!busy} size="xl">
      <Stack>
        <Text size="sm">{t('members.importHelp')}</Text>
        <Text size="sm">{t('members.importHelpUnits', { unit: unitName })}</Text>
        <Group gap="lg">
          {TEMPLATES.map((x) => (
            <Anchor key={x.format} href={apiUrl(`/api/members/import-template.${x.format}`)} download size="sm">
              <Group gap={6} component="span">
                <IconDownload size={16} aria-hidden />
                {t(x.label)}
              </Group>
            </Anchor>
          ))}
        </Group>
        <FileInput
          label={t('members.importFile')}
          placeholder={t('members.importChoose')}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
          value={file}
          onChange={choose}
          clearable
          disabled={busy !== null}
          size="md"
        />
        <FormError message={error} />
        {busy && work && <WorkProgressBar progress={work} />}
        {busy && !work && (
          <Stack gap={4} role="status" aria-live="polite">
            <Text size="sm">{uploading ? t('members.importUploading', { pct: Math.round(progress * 100) }) : busy === 'check' ? t('members.importChecking') : t('members.importSaving')}</Text>
            <Progress value={uploading ? progress * 100 : 100} animated={!uploading} striped={!uploading} aria-label={t('members.importProgress')} />
          </Stack>
        )}
        {report && <ImportReportView report={report} />}
        <Flex direction={{ base: 'column', xs: 'row' }} justify="flex-end" gap="xs" wrap="wrap">
          <Button variant={report ? 'default' : 'filled'} onClick={() => void send('check')} disabled={!file || busy !== null || (!!error && !report)} loading={busy === 'check'}>
            {report ? t('members.importCheckAgain') : t('members.importCheck')}
          </Button>
          {report && report.badRows > 0 && report.goodRows > 0 && (
            <Button variant="light" onClick={() => void send('good')} disabled={busy !== null} loading={busy === 'good'}>
              {t('members.importGoodOnly', { count: report.goodRows })}
            </Button>
          )}
          {report && (
            <Button onClick={() => void send('all')} disabled={!canImport || report.badRows > 0 || busy !== null} loading={busy === 'all'}>
              {t('members.importAll')}
            </Button>
          )}
        </Flex>
      </Stack>
    </ResponsiveModal>
  );
}
