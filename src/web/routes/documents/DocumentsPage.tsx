import { Anchor, Badge, Button, EmptyState, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconFileImport, IconFiles } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DOCUMENT_KIND_LABELS } from '#shared/documents.ts';
import type { DocumentList } from '#shared/documents.ts';
import type { Column } from '../../components/DataTable.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useLang } from '../../components/use-lang.ts';
import { mayAnywhere, useMe } from '../../components/use-me.ts';
import { usePagedSearch } from '../../components/use-paged-search.ts';
import { DOCUMENTS_PAGE, useDocuments } from './document-queries.ts';

type Row = DocumentList['items'][number];

const STATUS_COLORS = { stub: 'gray', draft: 'yellow', confirmed: 'green' } as const;

/** The documents the user may read: search without diacritics, filter by kind, page by page. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data;
  const list = usePagedSearch(DOCUMENTS_PAGE);
  const [kind, setKind] = useState<string | null>(null);
  const docs = useDocuments(list.q, kind, list.page);
  const kindLabel = (k: string) => DOCUMENT_KIND_LABELS[k]?.[lang] ?? k;
  const filtered = !!list.q || !!kind;

  const columns: Column<Row>[] = [
    {
      key: 'number',
      header: t('documents.fields.number'),
      nowrap: true,
      cell: (d) => (
        <Anchor component={Link} to={`/documents/${d.id}`} fw={600}>
          {kindLabel(d.kind)} {d.number ?? t('documents.noNumber')}
        </Anchor>
      ),
    },
    { key: 'title', header: t('documents.fields.title'), cell: (d) => d.title ?? <Text span c="dimmed">—</Text> },
    { key: 'date', header: t('documents.fields.date'), nowrap: true, cell: (d) => formatDate(d.date) },
    { key: 'holder', header: t('documents.holder'), cell: (d) => d.ownerUnit?.name ?? <Text span c="dimmed" size="sm">{t('documents.public')}</Text> },
    {
      key: 'state',
      header: t('documents.state'),
      th: { style: { minWidth: 190 } },
      cell: (d) => (
        <Group gap={4}>
          <Badge variant="light" color={STATUS_COLORS[d.status]} tt="none">
            {t(`documents.status.${d.status}`)}
          </Badge>
          {d.planId && (
            <Badge variant="light" color="blue" tt="none">
              {t(`documents.planStatus.${d.planStatus ?? 'draft'}`)}
            </Badge>
          )}
        </Group>
      ),
    },
  ];

  const empty = (
    <EmptyState
      icon={<IconFiles size={40} aria-hidden />}
      title={filtered ? t('documents.noMatchTitle') : t('documents.emptyTitle')}
      description={filtered ? t('documents.noMatch') : t('documents.emptyBody')}
      py="lg"
    />
  );
  const count = (total: number) => t('documents.count', { n: formatNumber(total) });
  return (
    <>
      <PageHeader
        title={t('documents.listTitle')}
        actions={
          mayAnywhere(me, 'write') ? (
            <Button component={Link} to="/documents/import" leftSection={<IconFileImport size={18} aria-hidden />}>
              {t('documents.importTitle')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <SearchInput label={t('documents.search')} placeholder={t('documents.searchPlaceholder')} value={list.text} onChange={list.search} style={{ flex: '1 1 16rem' }} maw={480} />
            <Select
              label={t('documents.fields.kind')}
              placeholder={t('documents.allKinds')}
              data={Object.keys(DOCUMENT_KIND_LABELS).map((k) => ({ value: k, label: kindLabel(k) }))}
              value={kind}
              clearable
              onChange={(v) => {
                setKind(v);
                list.firstPage();
              }}
              w={220}
            />
          </Group>
          <PagedTable query={docs} label={t('documents.listTitle')} columns={columns} empty={empty} count={count} paging={list.paging} />
        </Stack>
      </Paper>
    </>
  );
}
