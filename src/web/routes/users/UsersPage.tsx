import { Badge, Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core';
import { IconKey, IconPencil, IconUserPlus, IconUserShield, IconUsersPlus } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '#shared/users.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import type { Column } from '../../components/DataTable.tsx';
import { formatNumber } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { mayAnywhere, useMe } from '../../components/use-me.ts';
import { usePagedSearch } from '../../components/use-paged-search.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { USERS_PAGE, useUsers } from './user-queries.ts';

/** User administration: who may sign in, for which units, in which role. */
export function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe().data;
  const acting = useActingUnit();
  const list = usePagedSearch(USERS_PAGE);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const users = useUsers(list.q, list.page);

  if (!mayAnywhere(me, 'manage_users')) {
    return <EmptyState icon={<IconUserShield size={40} aria-hidden />} title={t('users.forbiddenTitle')} description={t('users.forbiddenBody')} py="xl" />;
  }

  const columns: Column<UserSummary>[] = [
    { key: 'username', header: t('auth.username'), td: () => ({ fw: 500 }), cell: (u) => u.username },
    { key: 'person', header: t('users.person'), cell: (u) => u.fullName ?? <Text span c="dimmed">—</Text> },
    {
      key: 'grants',
      header: t('users.grants'),
      cell: (u) => (
        <>
          {u.superuser && (
            <Badge color="grape" variant="light" tt="none" mr={4}>
              {t('users.superuser')}
            </Badge>
          )}
          {u.grants.map((g) => (
            <Text key={`${g.unitId}-${g.role}`} size="sm">
              {labels.role(g.role)} — {g.unitName}
            </Text>
          ))}
        </>
      ),
    },
    {
      key: 'status',
      header: t('users.status'),
      nowrap: true,
      cell: (u) => (
        <Text size="sm" fw={500} c={u.disabled ? 'red.7' : 'green.8'}>
          {u.disabled ? t('users.stateDisabled') : t('users.stateActive')}
        </Text>
      ),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      th: { w: 250 },
      cell: (u) => (
        <Group gap={6} wrap="nowrap">
          <Button size="sm" variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(u)} aria-label={t('users.editTitle', { name: u.username })}>
            {t('common.edit')}
          </Button>
          {!u.superuser && u.id !== me?.id && (
            <Button size="sm" variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setResetting(u)} aria-label={t('accounts.oneTimeTitle', { name: u.username })}>
              {t('accounts.oneTimeAction')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  const empty = <EmptyState icon={<IconUserShield size={40} aria-hidden />} title={t('users.emptyTitle')} description={list.q ? t('users.noMatch') : t('users.emptyBody')} py="lg" />;
  const count = (total: number) => t('users.count', { count: total, n: formatNumber(total) });
  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/users/bulk" leftSection={<IconUsersPlus size={18} aria-hidden />}>
              {t('accounts.title')}
            </Button>
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          </Group>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <SearchInput label={t('users.search')} placeholder={t('users.searchPlaceholder')} value={list.text} onChange={list.search} maw={420} />
          <PagedTable query={users} label={t('users.title')} columns={columns} minWidth={680} empty={empty} count={count} paging={list.paging} />
        </Stack>
      </Paper>
      {creating && <CreateUserModal defaultUnit={acting.unitId && acting.unitName ? { id: acting.unitId, name: acting.unitName } : null} onClose={() => setCreating(false)} />}
      {resetting && <OneTimePasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {editing && <EditUserModal user={editing} self={editing.id === me?.id} onClose={() => setEditing(null)} />}
    </>
  );
}
