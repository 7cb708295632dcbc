import { Alert, Badge, Group, Table } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '#shared/members.ts';
import { RowErrorsTable } from '../../components/RowErrorsTable.tsx';
import { formatNumber } from '../../components/format.ts';

/**
 * Counts of a checked file, how many people go to each unit when the list fills several, and,
 * for each bad row, "Dòng 3 — Ngày sinh: …".
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('members.importReport')}>
      <Group gap="xs" mb="sm">
        <Badge variant="light" color="gray" size="lg" tt="none">
          {t('members.importTotal', { n: formatNumber(report.totalRows) })}
        </Badge>
        <Badge variant="light" color="green" size="lg" tt="none">
          {t('members.importGood', { n: formatNumber(report.goodRows) })}
        </Badge>
        <Badge variant="light" color={report.badRows > 0 ? 'red' : 'gray'} size="lg" tt="none">
          {t('members.importBad', { n: formatNumber(report.badRows) })}
        </Badge>
      </Group>
      {report.units.length > 1 && (
        <Table.ScrollContainer minWidth={280} mah={200} mb="xs">
          <Table striped verticalSpacing={4} aria-label={t('members.importUnits')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('members.importUnitsUnit')}</Table.Th>
                <Table.Th ta="right" w={110}>{t('members.importUnitsRows')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.unitName}</Table.Td>
                  <Table.Td ta="right">{formatNumber(u.rows)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {report.ignoredColumns.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} p="sm" mb="xs">
          {t('members.importIgnoredColumns', { columns: report.ignoredColumns.join(', ') })}
        </Alert>
      )}
      {report.errors.length === 0 ? (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} p="sm">
          {report.totalRows === 0 ? t('members.importEmptyFile') : t('members.importAllGood')}
        </Alert>
      ) : (
        <>
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} p="sm" mb="xs">
            {t('members.importHasErrors')}
          </Alert>
          <RowErrorsTable errors={report.errors} />
        </>
      )}
    </section>
  );
}
