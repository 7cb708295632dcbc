import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A problem of an imported list: the spreadsheet's row, the column's header when there is one. */
export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/** The bad rows of an imported list (members, a tree), one line per problem, "Dòng 12 — Cột: lý do". */
export function RowErrorsTable({ errors }: { errors: readonly RowError[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={320} mah={280}>
      <Table striped verticalSpacing={6} aria-label={t('members.importErrors')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('members.importRow')}</Table.Th>
            <Table.Th>{t('members.importError')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {errors.map((e, i) => (
            <Table.Tr key={`${e.row}-${i}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('members.importRowN', { n: e.row })}</Table.Td>
              <Table.Td>
                <Text size="sm">{e.column ? `${e.column}: ${e.message}` : e.message}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
