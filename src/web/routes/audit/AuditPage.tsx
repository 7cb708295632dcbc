import { Anchor, Button, EmptyState, Paper, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditLabel } from '#shared/audit.ts';
import type { AuditEntryView } from '#shared/audit.ts';
import { api } from '../../api-client.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import type { Column } from '../../components/DataTable.tsx';
import { DateField } from '../../components/DateField.tsx';
import { formatNumber, todayIso } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { UnitName } from '../../components/UnitName.tsx';
import { useLang } from '../../components/use-lang.ts';
import { useMe } from '../../components/use-me.ts';
import { usePaging } from '../../components/use-paged-search.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AuditDetails } from './AuditDetails.tsx';
import { formatViDateTime } from '#core/text/dates.ts';

const PAGE = 50;

/** The pages an entry's entity opens, for the entities that have one. */
const ENTITY_PAGES: Partial<Record<string, (id: string) => string>> = { unit: (id) => `/units/${id}`, person: (id) => `/people/${id}` };

/**
 * The audit log: who changed what and when, newest first; filtered by person, action and days. An
 * administrator sees the whole tree; others what they may read, or only the acting unit's subtree.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const acting = useActingUnit();
  // An administrator opens the whole log; the others their acting unit's part of it.
  const [onlyUnitChoice, setOnlyUnit] = useState<boolean | null>(null);
  const onlyUnit = onlyUnitChoice ?? !me.data?.superuser;
  const { page, setPage, paging } = usePaging(PAGE);
  const [open, setOpen] = useState<string | null>(null);
  const [personText, setPersonText] = useState('');
  const [person] = useDebouncedValue(personText.trim(), 300);
  const [action, setAction] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const rangeError = !!from && !!to && to < from;
  const unitId = onlyUnit ? acting.unitId : null;
  const filter = { unitId, person: person || null, action, from, to };
  const log = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: ({ signal }) => api.get<{ items: AuditEntryView[]; total: number; more: boolean }>('/api/audit', { ...filter, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    placeholderData: keepPreviousData,
    enabled: !acting.loading && !me.isPending && !rangeError,
  });
  const filtered = !!(person || action || from || to);
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const actionOptions = Object.entries(AUDIT_ACTIONS).map(([value, l]) => ({ value, label: l[lang] }));
  const entityLabel = (e: AuditEntryView) => auditLabel(AUDIT_ENTITIES, e.entity, lang);

  const columns: Column<AuditEntryView>[] = [
    { key: 'at', header: t('audit.at'), th: { w: 150 }, nowrap: true, cell: (e) => formatViDateTime(e.at) },
    {
      key: 'actor',
      header: t('audit.actor'),
      cell: (e) =>
        e.actorFullName ? (
          <>
            {e.actorFullName}
            <Text component="span" display="block" size="xs" c="dimmed">
              {e.actorName}
            </Text>
          </>
        ) : (
          e.actorName ?? t('audit.system')
        ),
    },
    { key: 'action', header: t('audit.action'), cell: (e) => auditLabel(AUDIT_ACTIONS, e.action, lang) },
    {
      key: 'unit',
      header: t('audit.unit'),
      cell: (e) =>
        e.unit && (
          <UnitName parentName={e.unit.parentName}>
            <Anchor component={Link} to={`/units/${e.unit.id}`}>
              {e.unit.name}
            </Anchor>
          </UnitName>
        ),
    },
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
  const empty = <EmptyState icon={<IconHistory size={40} aria-hidden />} title={t('audit.emptyTitle')} description={t(filtered ? 'audit.emptyFiltered' : 'audit.emptyBody')} py="lg" />;
  const count = (total: number) => (log.data?.more ? t('audit.countMore', { n: formatNumber(total) }) : t('audit.count', { count: total, n: formatNumber(total) }));
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
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <SearchInput label={t('audit.person')} placeholder={t('audit.personPlaceholder')} value={personText} onChange={refilter(setPersonText)} />
            <Select
              label={t('audit.action')}
              placeholder={t('audit.anyAction')}
              data={actionOptions}
              value={action}
              onChange={refilter(setAction)}
              searchable
              clearable
              nothingFoundMessage={t('audit.emptyFiltered')}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField label={t('audit.from')} value={from} onChange={refilter(setFrom)} clearable maxDate={todayIso()} />
            <DateField label={t('audit.to')} value={to} onChange={refilter(setTo)} clearable maxDate={todayIso()} error={rangeError ? t('audit.rangeError') : undefined} />
          </SimpleGrid>
          {filtered && (
            <Button
              variant="subtle"
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                setPersonText('');
                setAction(null);
                setFrom(null);
                setTo(null);
                setPage(1);
              }}
            >
              {t('audit.clearFilters')}
            </Button>
          )}
          <PagedTable query={log} label={t('audit.title')} columns={columns} striped={false} details={details} empty={empty} count={count} paging={paging} />
        </Stack>
      </Paper>
    </>
  );
}
