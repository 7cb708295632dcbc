import { Badge, Button, EmptyState, Group, Pagination, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconSearch, IconUserPlus, IconUserShield } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../shared/users.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../components/format.ts';
import { useLabels } from '../../components/labels.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { mayAnywhere, useMe } from '../../components/use-me.ts';
import { CreateUserModal } from './CreateUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { USERS_PAGE, useUsers } from './user-queries.ts';

/** User administration: who may sign in, for which units, in which role. */
export function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useMe().data;
  const acting = useActingUnit();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const users = useUsers(q, page);

  if (!mayAnywhere(me, 'manage_users')) {
    return <EmptyState icon={<IconUserShield size={40} aria-hidden />} title={t('users.forbiddenTitle')} description={t('users.forbiddenBody')} py="xl" />;
  }
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE));

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <TextInput
            type="search"
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={18} aria-hidden />}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setPage(1);
            }}
            maw={420}
          />
          {users.isPending ? (
            <PageLoader />
          ) : users.isError ? (
            <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
          ) : users.data.items.length === 0 ? (
            <EmptyState icon={<IconUserShield size={40} aria-hidden />} title={t('users.emptyTitle')} description={q ? t('users.noMatch') : t('users.emptyBody')} py="lg" />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('users.count', { count: total, n: formatNumber(total) })}
              </Text>
              <Table.ScrollContainer minWidth={680}>
                <Table striped verticalSpacing="sm" aria-label={t('users.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('auth.username')}</Table.Th>
                      <Table.Th>{t('users.person')}</Table.Th>
                      <Table.Th>{t('users.grants')}</Table.Th>
                      <Table.Th>{t('users.status')}</Table.Th>
                      <Table.Th w={110}>{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {users.data.items.map((u) => (
                      <Table.Tr key={u.id}>
                        <Table.Td fw={500}>{u.username}</Table.Td>
                        <Table.Td>{u.fullName ?? <Text span c="dimmed">—</Text>}</Table.Td>
                        <Table.Td>
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
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm" fw={500} c={u.disabled ? 'red.7' : 'green.8'}>
                            {u.disabled ? t('users.stateDisabled') : t('users.stateActive')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Button size="sm" variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(u)} aria-label={t('users.editTitle', { name: u.username })}>
                            {t('common.edit')}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {pages > 1 && (
                <Group justify="center">
                  <Pagination total={pages} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': t(`common.page.${c}`) })} />
                </Group>
              )}
            </>
          )}
        </Stack>
      </Paper>
      {creating && <CreateUserModal defaultUnit={acting.unitId && acting.unitName ? { id: acting.unitId, name: acting.unitName } : null} onClose={() => setCreating(false)} />}
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
