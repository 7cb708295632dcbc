import { Button, EmptyState, Group, Pagination, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconFileImport, IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api-client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import layout from '../../components/layout.module.css';
import { AddMemberModal } from './AddMemberModal.tsx';
import { ImportMembersModal } from './ImportMembersModal.tsx';
import { PAGE_SIZE, useMemberList } from './member-queries.ts';
import { MemberCards } from './MemberCards.tsx';
import { MembersTable } from './MembersTable.tsx';

interface Props {
  unitId: string;
  unitName: string;
  canManage: boolean;
}

/** A unit's members: search, filter by category, add, import, export, page through. */
export function MembersPanel({ unitId, unitName, canManage }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const [category, setCategory] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const list = useMemberList(unitId, q, category, page);
  const phone = useMediaQuery('(max-width: 36em)');
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = q.trim() !== '' || category !== null;

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('members.listOf', { unit: unitName })}>
      <Stack gap="sm">
        <Group gap="xs" justify="flex-end" wrap="wrap" className={layout.actions}>
          {canManage && (
            <>
              <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setDialog('add')}>
                {t('members.add')}
              </Button>
              <Button variant="light" leftSection={<IconFileImport size={18} aria-hidden />} onClick={() => setDialog('import')}>
                {t('members.import')}
              </Button>
            </>
          )}
          <Button variant="default" component="a" href={apiUrl(`/api/units/${unitId}/members.xlsx`, { q: q.trim(), category })} download leftSection={<IconDownload size={18} aria-hidden />}>
            {t('members.export')}
          </Button>
        </Group>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            type="search"
            label={t('members.search')}
            placeholder={t('members.searchPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '2 1 14rem' }}
          />
          <Select
            label={t('members.category')}
            placeholder={t('members.allCategories')}
            data={labels.categoryOptions()}
            value={category}
            onChange={(c) => {
              setCategory(c);
              setPage(1);
            }}
            clearable
            style={{ flex: '1 1 12rem' }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>

        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={40} aria-hidden />}
            title={filtered ? t('members.noMatchTitle') : t('members.emptyTitle')}
            description={filtered ? t('members.noMatchBody') : canManage ? t('members.emptyBodyManage') : t('members.emptyBody')}
            py="lg"
          />
        ) : (
          <>
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('members.count', { count: total, n: formatNumber(total) })}
            </Text>
            {phone ? (
              <MemberCards rows={list.data.items} caption={t('members.listOf', { unit: unitName })} />
            ) : (
              <MembersTable rows={list.data.items} caption={t('members.listOf', { unit: unitName })} />
            )}
            {pages > 1 && (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  siblings={1}
                  boundaries={1}
                  getControlProps={(c) => ({ 'aria-label': t(`common.page.${c}`) })}
                  getItemProps={(p) => ({ 'aria-label': t('common.page.number', { n: p }) })}
                />
              </Group>
            )}
          </>
        )}
      </Stack>
      {dialog === 'add' && <AddMemberModal unitId={unitId} unitName={unitName} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportMembersModal unitId={unitId} unitName={unitName} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
