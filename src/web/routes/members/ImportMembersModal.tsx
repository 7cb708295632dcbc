import { Button, FileInput, Flex, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '#shared/members.ts';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import { api, apiUrl } from '../../api-client.ts';
import { FormError } from '../../components/FormError.tsx';
import type { ListImportMode } from '../../components/list-import.tsx';
import { ListImportProgress, TemplateLinks, useListImport } from '../../components/list-import.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { unitKeys } from '../../components/unit-queries.ts';
import { ImportReportView } from './ImportReportView.tsx';
import { memberKeys } from './member-queries.ts';

/**
 * "Nhập danh sách": choose a file (.xlsx or .csv), check it (nothing is saved), read the errors
 * row by row and how many people go to each unit, then import all rows or only the good ones,
 * watching the server write them (a province's list takes a while).
 */
export function ImportMembersModal({ unitId, unitName, onClose }: { unitId: string; unitName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useListImport<ImportReport>(IMPORT_MAX_BYTES, t('members.importTooLarge', { mb: Math.round(IMPORT_MAX_BYTES / 1024 / 1024) }));
  const { file, report, busy, error } = list;

  const send = (mode: ListImportMode) =>
    list.send(mode, (f, progress) => api.upload<ImportReport>(`/api/units/${unitId}/members/import`, f, { query: { mode }, ...progress }), async (out) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: memberKeys.all }), queryClient.invalidateQueries({ queryKey: unitKeys.all })]);
      notifySuccess(t('members.imported', { count: out.imported, unit: unitName }));
      onClose();
    });

  const canImport = !!report && !error && report.totalRows > 0;

  return (
    <ResponsiveModal opened onClose={busy ? () => {} : onClose} title={t('members.importTitle', { unit: unitName })} closeOnClickOutside={!busy} size="xl">
      <Stack>
        <Text size="sm">{t('members.importHelp')}</Text>
        <Text size="sm">{t('members.importHelpUnits', { unit: unitName })}</Text>
        <TemplateLinks links={(['xlsx', 'csv'] as const).map((f) => ({ href: apiUrl(`/api/members/import-template.${f}`), label: t(f === 'xlsx' ? 'members.importTemplate' : 'members.importTemplateCsv') }))} />
        <FileInput
          label={t('members.importFile')}
          placeholder={t('members.importChoose')}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
          value={file}
          onChange={list.choose}
          clearable
          disabled={busy !== null}
          size="md"
        />
        <FormError message={error} />
        <ListImportProgress
          state={list}
          labels={{ uploading: (pct) => t('members.importUploading', { pct }), checking: t('members.importChecking'), saving: t('members.importSaving'), progress: t('members.importProgress') }}
        />
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
