import { Alert, Badge, Box, Button, FileInput, Flex, Group, List, ScrollArea, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES } from '#shared/members.ts';
import type { TreeImportMode, TreeImportReport } from '#shared/tree-import.ts';
import { api, apiUrl } from '../../api-client.ts';
import { DateField } from '../../components/DateField.tsx';
import { FormError } from '../../components/FormError.tsx';
import { formatNumber, todayIso } from '../../components/format.ts';
import { notifySuccess } from '../../components/notify.ts';
import { ListImportProgress, TemplateLinks, useListImport } from '../../components/list-import.tsx';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { unitKeys } from '../../components/unit-queries.ts';
import { RowErrorsTable } from '../../components/RowErrorsTable.tsx';

/** The changes a report counts, in the order they are shown. */
const CHANGES = ['create', 'rename', 'move', 'update', 'unchanged'] as const;
/** Missing units listed before "and n more". */
const MISSING_SHOWN = 20;

/**
 * "Nhập cây tổ chức": choose a tree list (.xlsx or .csv) and the day its renames and moves take
 * effect, check it (nothing is saved), read the errors row by row and what would change, then
 * import all rows or only the good ones, with the server's progress, and see what was done.
 * `unitId` null imports into the whole installation (a system administrator's).
 */
export function TreeImportModal({ unitId, unitName, onClose }: { unitId: string | null; unitName: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [on, setOn] = useState<string | null>(todayIso());
  const list = useListImport<TreeImportReport>(IMPORT_MAX_BYTES, t('treeImport.tooLarge', { mb: Math.round(IMPORT_MAX_BYTES / 1024 / 1024) }));
  const { file, report, busy, error } = list;

  const path = unitId === null ? '/api/units/tree/import' : `/api/units/${unitId}/tree/import`;
  const send = (mode: TreeImportMode) =>
    list.send(mode, (f, progress) => api.upload<TreeImportReport>(path, f, { query: { mode, ...(on ? { on } : {}) }, ...progress }), async (out) => {
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
      notifySuccess(t('treeImport.done', { created: out.counts.create, renamed: out.counts.rename, moved: out.counts.move }));
    });

  const imported = report?.imported === true;
  const title = unitName ? t('treeImport.title', { unit: unitName }) : t('treeImport.titleAll');

  return (
    <ResponsiveModal opened onClose={busy ? () => {} : onClose} title={title} closeOnClickOutside={!busy} size="xl">
      <Stack>
        {!imported && (
          <>
            <Text size="sm">{t('treeImport.help')}</Text>
            <TemplateLinks links={(['xlsx', 'csv'] as const).map((f) => ({ href: apiUrl(`/api/units/tree-template.${f}`), label: t(f === 'xlsx' ? 'treeImport.template' : 'treeImport.templateCsv') }))} />
            <Flex direction={{ base: 'column', sm: 'row' }} gap="sm" align={{ base: 'stretch', sm: 'flex-end' }}>
              <Box style={{ flex: 1 }}>
                <FileInput
                  label={t('treeImport.file')}
                  placeholder={t('treeImport.choose')}
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                  leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
                  value={file}
                  onChange={list.choose}
                  clearable
                  disabled={busy !== null}
                  size="md"
                />
              </Box>
              <Box w={{ base: '100%', sm: '13rem' }}>
                <DateField label={t('treeImport.on')} description={t('treeImport.onHint')} value={on} onChange={(d) => { setOn(d); list.clearReport(); }} />
              </Box>
            </Flex>
          </>
        )}
        <FormError message={error} />
        <ListImportProgress
          state={list}
          labels={{ uploading: (pct) => t('treeImport.uploading', { pct }), checking: t('treeImport.checking'), saving: t('treeImport.saving'), progress: t('treeImport.progress') }}
        />
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
