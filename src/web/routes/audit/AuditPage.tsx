import { Anchor, Button, EmptyState, Paper, Stack, Switch } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntryView } from '#shared/audit.ts';
import { api } from '../../api-client.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import type { Column } from '../../components/DataTable.tsx';
import { formatNumber } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { usePaging } from '../../components/use-paged-search.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AuditDetails } from './AuditDetails.tsx';
import { formatViDateTime } from '#core/text/dates.ts';

const PAGE = 50;

/** The pages an entry's entity opens, for the entities that have one. */
const ENTITY_PAGES: Partial<Record<string, (id: string) => string>> = { unit: (id) => `/units/${id}`, person: (id) => `/people/${id}` };

/** The audit log: who changed what and when, newest first; optionally only the acting unit's subtree. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const acting = useActingUnit();
  const [onlyUnit, setOnlyUnit] = useState(true);
  const { page, setPage, paging } = usePaging(PAGE);
  const [open, setOpen] = useState<string | null>(null);
  const unitId = onlyUnit ? acting.unitId : null;
  const log = useQuery({
    queryKey: ['audit', unitId ?? 'all', page],
    queryFn: ({ signal }) => api.get<{ items: AuditEntryView[]; total: number }>('/api/audit', { unitId, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    placeholderData: keepPreviousData,
    enabled: !acting.loading,
  });
  const actionLabel = (a: string) => (i18n.exists(`audit.actions.${a}`) ? t(`audit.actions.${a}`) : a);
  const entityLabel = (e: AuditEntryView) => (i18n.exists(`audit.entities.${e.entity}`) ? t(`audit.entities.${e.entity}`) : e.entity);

  const columns: Column<AuditEntryView>[] = [
    { key: 'at', header: t('audit.at'), th: { w: 150 }, nowrap: true, cell: (e) => formatViDateTime(e.at) },
    { key: 'actor', header: t('audit.actor'), cell: (e) => e.actorName ?? t('audit.system') },
    { key: 'action', header: t('audit.action'), cell: (e) => actionLabel(e.action) },
    {
      key: 'entity',
      header: t('audit.entity'),
      cell: (e) => {
        const to = e.entityId && ENTITY_PAGES[e.entity]?.(e.entityId);
        return to ? (
          <Anchor component={Link} to={to}>
            {entityLabel(e)}
          </Anchor>
        ) : (
          entityLabel(e)
        );
      },
    },
    {
      key: 'details',
      header: t('audit.details'),
      th: { w: 110 },
      cell: (e) => (
        <Button size="sm" variant="subtle" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
          {open === e.id ? t('audit.hide') : t('audit.show')}
        </Button>
      ),
    },
  ];

  const details = (e: AuditEntryView) => open === e.id && <AuditDetails before={e.before} after={e.after} />;
  const empty = <EmptyState icon={<IconHistory size={40} aria-hidden />} title={t('audit.emptyTitle')} description={t('audit.emptyBody')} py="lg" />;
  const count = (total: number) => t('audit.count', { count: total, n: formatNumber(total) });
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
          <PagedTable query={log} label={t('audit.title')} columns={columns} striped={false} details={details} empty={empty} count={count} paging={paging} />
        </Stack>
      </Paper>
    </>
  );
}
