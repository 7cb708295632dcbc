import { Anchor, Button, EmptyState, Group, Pagination, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntryView } from '../../../shared/audit.ts';
import { api } from '../../api-client.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../components/format.ts';
import { formatViDateTime } from '../../../core/text/dates.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { AuditDetails } from './AuditDetails.tsx';

const PAGE = 50;

/** The audit log: who changed what and when, newest first; optionally only the acting unit's subtree. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const acting = useActingUnit();
  const [onlyUnit, setOnlyUnit] = useState(true);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const unitId = onlyUnit ? acting.unitId : null;
  const log = useQuery({
    queryKey: ['audit', unitId ?? 'all', page],
    queryFn: ({ signal }) => api.get<{ items: AuditEntryView[]; total: number }>('/api/audit', { unitId, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    placeholderData: keepPreviousData,
    enabled: !acting.loading,
  });
  const actionLabel = (a: string) => (i18n.exists(`audit.actions.${a}`) ? t(`audit.actions.${a}`) : a);
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          {acting.unitName && (
            <Switch
              size="md"
              checked={onlyUnit}
              onChange={(e) => {
                setOnlyUnit(e.currentTarget.checked);
                setPage(1);
              }}
              label={t('audit.onlyUnit', { unit: acting.unitName })}
            />
          )}
          {log.isPending ? (
            <PageLoader />
          ) : log.isError ? (
            <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
          ) : log.data.items.length === 0 ? (
            <EmptyState icon={<IconHistory size={40} aria-hidden />} title={t('audit.emptyTitle')} description={t('audit.emptyBody')} py="lg" />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('audit.count', { count: total, n: formatNumber(total) })}
              </Text>
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" aria-label={t('audit.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={150}>{t('audit.at')}</Table.Th>
                      <Table.Th>{t('audit.actor')}</Table.Th>
                      <Table.Th>{t('audit.action')}</Table.Th>
                      <Table.Th>{t('audit.entity')}</Table.Th>
                      <Table.Th w={110}>{t('audit.details')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {log.data.items.map((e) => (
                      <Fragment key={e.id}>
                        <Table.Tr>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatViDateTime(e.at)}</Table.Td>
                          <Table.Td>{e.actorName ?? t('audit.system')}</Table.Td>
                          <Table.Td>{actionLabel(e.action)}</Table.Td>
                          <Table.Td>
                            {e.entity === 'unit' && e.entityId ? (
                              <Anchor component={Link} to={`/units/${e.entityId}`}>
                                {t('audit.entities.unit')}
                              </Anchor>
                            ) : e.entity === 'person' && e.entityId ? (
                              <Anchor component={Link} to={`/people/${e.entityId}`}>
                                {t('audit.entities.person')}
                              </Anchor>
                            ) : i18n.exists(`audit.entities.${e.entity}`) ? (
                              t(`audit.entities.${e.entity}`)
                            ) : (
                              e.entity
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Button size="sm" variant="subtle" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                              {open === e.id ? t('audit.hide') : t('audit.show')}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                        {open === e.id && (
                          <Table.Tr>
                            <Table.Td colSpan={5} bg="gray.0">
                              <AuditDetails before={e.before} after={e.after} />
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
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
    </>
  );
}
