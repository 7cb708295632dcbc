import { Button, EmptyState, Group, Paper, Select, Stack } from '@mantine/core';
import { IconDownload, IconFileImport, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRow } from '#shared/members.ts';
import { apiUrl } from '../../api-client.ts';
import { formatNumber } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { usePagedSearch } from '../../components/use-paged-search.ts';
import layout from '../../components/layout.module.css';
import { AddMemberModal } from './AddMemberModal.tsx';
import { ImportMembersModal } from './ImportMembersModal.tsx';
import { useActionDialog } from '../../components/use-action-param.ts';
import { PAGE_SIZE, useMemberList } from './member-queries.ts';
import { MemberCard, useMemberColumns } from './member-rows.tsx';

/** A unit's members: search, filter by category, add, import, export, page through. */
export function MembersPanel({ unitId, unitName, canManage }: { unitId: string; unitName: string; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const list = usePagedSearch(PAGE_SIZE);
  const [category, setCategory] = useState<string | null>(null);
  const [dialog, setDialog] = useActionDialog<'add' | 'import'>('import-members', 'import');
  const members = useMemberList(unitId, list.q, category, list.page);
  const columns = useMemberColumns();
  const filtered = list.q.trim() !== '' || category !== null;
  const caption = t('members.listOf', { unit: unitName });

  const card = (m: MemberRow) => <MemberCard m={m} />;
  const empty = (
    <EmptyState
      icon={<IconUsers size={40} aria-hidden />}
      title={filtered ? t('members.noMatchTitle') : t('members.emptyTitle')}
      description={filtered ? t('members.noMatchBody') : canManage ? t('members.emptyBodyManage') : t('members.emptyBody')}
      py="lg"
    />
  );
  const count = (total: number) => t('members.count', { count: total, n: formatNumber(total) });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={caption}>
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
          <Button variant="default" component="a" href={apiUrl(`/api/units/${unitId}/members.xlsx`, { q: list.q.trim(), category })} download leftSection={<IconDownload size={18} aria-hidden />}>
            {t('members.export')}
          </Button>
        </Group>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <SearchInput label={t('members.search')} placeholder={t('members.searchPlaceholder')} value={list.text} onChange={list.search} style={{ flex: '2 1 14rem' }} />
          <Select
            label={t('members.category')}
            placeholder={t('members.allCategories')}
            data={labels.categoryOptions()}
            value={category}
            onChange={(c) => {
              setCategory(c);
              list.firstPage();
            }}
            clearable
            style={{ flex: '1 1 12rem' }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>

        <PagedTable
          query={members}
          label={caption}
          rowKey={(m) => m.membershipId}
          columns={columns}
          minWidth={720}
          highlightOnHover
          card={card}
          tableFrom="36em"
          empty={empty}
          count={count}
          paging={list.paging}
        />
      </Stack>
      {dialog === 'add' && <AddMemberModal unitId={unitId} unitName={unitName} onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportMembersModal unitId={unitId} unitName={unitName} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
