import { Anchor, Badge, Button, EmptyState, Group, Pagination, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconFiles, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DOCUMENT_KIND_LABELS } from '../../../shared/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { mayAnywhere, useMe } from '../../components/use-me.ts';
import { DOCUMENTS_PAGE, useDocuments } from './document-queries.ts';
import { useLang } from '../../components/use-lang.ts';

const STATUS_COLORS = { stub: 'gray', draft: 'yellow', confirmed: 'green' } as const;

/** The documents the user may read: search without diacritics, filter by kind, page by page. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe().data;
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 300);
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const docs = useDocuments(q, kind, page);
  const total = docs.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / DOCUMENTS_PAGE));
  const kindLabel = (k: string) => DOCUMENT_KIND_LABELS[k]?.[lang] ?? k;

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
            <TextInput
              type="search"
              label={t('documents.search')}
              placeholder={t('documents.searchPlaceholder')}
              leftSection={<IconSearch size={18} aria-hidden />}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setPage(1);
              }}
              style={{ flex: '1 1 16rem' }}
              maw={480}
            />
            <Select
              label={t('documents.fields.kind')}
              placeholder={t('documents.allKinds')}
              data={Object.keys(DOCUMENT_KIND_LABELS).map((k) => ({ value: k, label: kindLabel(k) }))}
              value={kind}
              clearable
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              w={220}
            />
          </Group>
          {docs.isPending ? (
            <PageLoader />
          ) : docs.isError ? (
            <ErrorAlert error={docs.error} onRetry={() => void docs.refetch()} />
          ) : docs.data.items.length === 0 ? (
            <EmptyState
              icon={<IconFiles size={40} aria-hidden />}
              title={q || kind ? t('documents.noMatchTitle') : t('documents.emptyTitle')}
              description={q || kind ? t('documents.noMatch') : t('documents.emptyBody')}
              py="lg"
            />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('documents.count', { n: formatNumber(total) })}
              </Text>
              <Table.ScrollContainer minWidth={640}>
                <Table striped verticalSpacing="sm" aria-label={t('documents.listTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('documents.fields.number')}</Table.Th>
                      <Table.Th>{t('documents.fields.title')}</Table.Th>
                      <Table.Th>{t('documents.fields.date')}</Table.Th>
                      <Table.Th>{t('documents.holder')}</Table.Th>
                      <Table.Th style={{ minWidth: 190 }}>{t('documents.state')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {docs.data.items.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor component={Link} to={`/documents/${d.id}`} fw={600}>
                            {kindLabel(d.kind)} {d.number ?? t('documents.noNumber')}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{d.title ?? <Text span c="dimmed">—</Text>}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.date)}</Table.Td>
                        <Table.Td>{d.ownerUnit?.name ?? <Text span c="dimmed" size="sm">{t('documents.public')}</Text>}</Table.Td>
                        <Table.Td>
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
    </>
  );
}
