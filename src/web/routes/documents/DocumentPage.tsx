import { Alert, Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDown, IconDownload, IconInfoCircle, IconListCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Due } from '#core/deadline/types.ts';
import { DOCUMENT_KIND_LABELS } from '#shared/documents.ts';
import type { DocumentDetail, DocumentLink } from '#shared/documents.ts';
import { apiUrl } from '../../api-client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import type { Column } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';

import { Hint } from '../../components/Hint.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { errorMessage, notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLang } from '../../components/use-lang.ts';
import { useRouteId } from '../../components/use-route-id.ts';
import { useCreatePlanFromDocument, useDocument } from './document-queries.ts';

import { dueShort } from '#core/deadline/words.ts';
import { formatDate } from '../../components/format.ts';

type DocPlan = NonNullable<DocumentDetail['plan']>;

function useKindLabel() {
  const lang = useLang();
  return (k: string) => DOCUMENT_KIND_LABELS[k]?.[lang] ?? k;
}

/** "Kế hoạch 161-KH/TU ngày 22/02/2022", a link when the reader may open it. */
function LinkedDocument({ d }: { d: DocumentLink }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const name = `${kindLabel(d.kind)} ${d.number ?? ''}`.trim();
  return (
    <span>
      {d.readable ? (
        <Anchor component={Link} to={`/documents/${d.id}`} fw={500}>
          {name}
        </Anchor>
      ) : (
        <Text span fw={500}>
          {name}
        </Text>
      )}
      {d.date && <Text span c="dimmed"> {t('documents.ofDate', { date: formatDate(d.date) })}</Text>}
      {d.title && <Text span> — {d.title}</Text>}
      {d.status === 'stub' && (
        <Badge ml={6} variant="light" color="gray" tt="none" size="sm">
          {t('documents.status.stub')}
        </Badge>
      )}
    </span>
  );
}

function Links({ title, items, empty }: { title: string; items: DocumentLink[]; empty: string }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={title}>
      <Title order={2} fz="h5" mb="xs">
        {title} ({items.length})
      </Title>
      {items.length === 0 ? (
        <Hint>{empty}</Hint>
      ) : (
        <List spacing={4} size="sm">
          {items.map((d) => (
            <List.Item key={d.id}>
              <LinkedDocument d={d} />
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** The chain of documents above this one, top first, ending with the document itself. */
function Chain({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  if (doc.chain.length === 0) return null;
  const levels = [...doc.chain].sort((a, b) => b.depth - a.depth);
  const top = levels[0]?.depth ?? 0;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="nav" aria-label={t('documents.chain')}>
      <Title order={2} fz="h5" mb="xs">
        {t('documents.chain')}
      </Title>
      <Stack gap={4}>
        {levels.map((c, i) => (
          <Group key={c.id} gap={6} wrap="nowrap" pl={(top - c.depth) * 12}>
            {i > 0 && <IconArrowDown size={14} aria-hidden style={{ flexShrink: 0 }} />}
            <LinkedDocument d={c} />
          </Group>
        ))}
        <Group gap={6} pl={top * 12} wrap="nowrap">
          <IconArrowDown size={14} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" fw={700} aria-current="page">
            {kindLabel(doc.kind)} {doc.number ?? ''}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

function PlanSection({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const createPlan = useCreatePlanFromDocument(doc.id);
  const due = (d: unknown) => (d ? dueShort(d as Due, lang) : '—');
  if (!doc.plan) {
    if (!doc.permissions.write || doc.status === 'stub') return null;
    return (
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('documents.plan')} id="plan">
        <Group justify="space-between">
          <Text size="sm">{t('documents.noPlan')}</Text>
          <Button
            leftSection={<IconListCheck size={18} aria-hidden />}
            loading={createPlan.isPending}
            onClick={() => createPlan.mutate(undefined, { onSuccess: () => notifySuccess(t('documents.planCreated')) })}
          >
            {t('documents.createPlan')}
          </Button>
        </Group>
        {createPlan.isError && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {errorMessage(createPlan.error)}
          </Text>
        )}
      </Paper>
    );
  }
  const p = doc.plan;
  const taskColumns: Column<DocPlan['tasks'][number]>[] = [
    { key: 'ord', header: '#', th: { w: 40 }, cell: (x) => x.ord },
    { key: 'text', header: t('documents.taskText'), cell: (x) => <>{x.text}{x.kind === 'own_plan' && <Badge ml={6} size="sm" variant="light" tt="none">{t('documents.ownPlan')}</Badge>}</> },
    { key: 'lead', header: t('documents.taskLead'), cell: (x) => x.leadText.join('; ') || '—' },
    { key: 'due', header: t('documents.taskDue'), nowrap: true, cell: (x) => x.dueText ?? due(x.due) },
  ];
  const obligationColumns: Column<DocPlan['obligations'][number]>[] = [
    { key: 'ord', header: '#', th: { w: 40 }, cell: (o) => o.ord },
    { key: 'title', header: t('documents.obligationTitle'), cell: (o) => o.title },
    { key: 'to', header: t('documents.fields.reportTo'), cell: (o) => <>{o.toText ?? '—'}{o.viaText && <Text span c="dimmed"> ({t('documents.via', { via: o.viaText })})</Text>}</> },
    { key: 'due', header: t('documents.taskDue'), cell: (o) => o.due.map((d) => due(d)).join('; ') || '—' },
  ];
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('documents.plan')} id="plan">
      <Group gap="xs" mb="sm">
        <Title order={2} fz="h5">
          {t('documents.plan')}
        </Title>
        <Badge variant="light" color={p.status === 'draft' ? 'yellow' : 'green'} tt="none">
          {t(`documents.planStatus.${p.status}`)}
        </Badge>
      </Group>
      <Title order={3} fz="h6" mb={4}>
        {t('documents.tasks')} ({p.tasks.length})
      </Title>
      <DataTable label={t('documents.tasks')} rows={p.tasks} rowKey={(x) => x.id} columns={taskColumns} minWidth={560} mb="md" striped={false} verticalSpacing="xs" />
      <Title order={3} fz="h6" mb={4}>
        {t('documents.obligations')} ({p.obligations.length})
      </Title>
      <DataTable label={t('documents.obligations')} rows={p.obligations} rowKey={(o) => o.id} columns={obligationColumns} minWidth={560} striped={false} verticalSpacing="xs" />
    </Paper>
  );
}

/** One document: its particulars, the chain of documents above it, what it carries out and cites, what carries it out, its plan. */
export function DocumentPage() {
  return <Loaded query={useDocument(useRouteId())}>{(d) => <DocumentView d={d} />}</Loaded>;
}

function DocumentView({ d }: { d: DocumentDetail }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const name = `${kindLabel(d.kind)} ${d.number ?? t('documents.noNumber')}`;
  const editable = d.permissions.write && d.text !== null && (!d.plan || d.plan.status === 'draft');
  return (
    <>
      <PageHeader
        title={name}
        subtitle={
          <Group gap={6}>
            <Badge variant="light" color={d.status === 'confirmed' ? 'green' : d.status === 'draft' ? 'yellow' : 'gray'} tt="none">
              {t(`documents.status.${d.status}`)}
            </Badge>
            {d.ownerUnit && <span>{d.ownerUnit.name}</span>}
          </Group>
        }
        actions={
          <>
            {d.source && (
              <Button component="a" href={apiUrl(`/api/documents/${d.id}/file`)} variant="default" leftSection={<IconDownload size={18} aria-hidden />}>
                {t('documents.download')}
              </Button>
            )}
            {editable && (
              <Button component={Link} to={`/documents/${d.id}/review`} leftSection={<IconPencil size={18} aria-hidden />}>
                {d.status === 'draft' ? t('documents.review') : t('documents.editStructure')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        {d.status === 'draft' && (
          <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
            {t('documents.draftHint')}
          </Alert>
        )}
        {d.status === 'stub' && (
          <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
            {t('documents.stubHint')}
          </Alert>
        )}
        <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('documents.general')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Fact label={t('documents.fields.title')} size="sm">{d.title}</Fact>
            <Fact label={t('documents.fields.issuer')} size="sm">{d.issuer}</Fact>
            <Fact label={t('documents.placeDate')} size="sm">{[d.place, formatDate(d.date)].filter(Boolean).join(', ')}</Fact>
            <Fact label={t('documents.signer')} size="sm">{d.signer ? [d.signer.capacity, d.signer.title, d.signer.name].filter(Boolean).join(' — ') : null}</Fact>
            <Fact label={t('documents.lists.recipients.title')} size="sm">{d.recipients.join('; ')}</Fact>
            {d.source && <Fact label={t('documents.sourceFile')} size="sm">{d.source.fileName}</Fact>}
          </SimpleGrid>
        </Paper>
        <Chain doc={d} />
        <PlanSection doc={d} />
        <Links title={t('documents.implementsTitle')} items={d.implements} empty={t('documents.noneImplements')} />
        <Links title={t('documents.implementedByTitle')} items={d.implementedBy} empty={t('documents.noneImplementedBy')} />
        <Links title={t('documents.referencesTitle')} items={d.references} empty={t('documents.noneReferences')} />
      </Stack>
    </>
  );
}
