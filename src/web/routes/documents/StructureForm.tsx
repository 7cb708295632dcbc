import { ActionIcon, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconFocus2, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Due } from '#core/deadline/types.ts';
import type { ExtractedDeadline, ExtractedRef, ExtractedReport } from '#core/extract/types.ts';
import { DOCUMENT_KIND_LABELS } from '#shared/documents.ts';
import { DEADLINE_WHATS, DEADLINE_WHAT_LABELS } from '#core/deadline/words.ts';
import { isoDate } from '#core/ids.ts';
import { DueEditor } from '../../components/DueEditor.tsx';
import { DueListEditor } from '../../components/DueListEditor.tsx';
import { TypedDateInput } from '../../components/TypedDateInput.tsx';
import type { AssignmentValue, Item, ListKey, StructureState } from './structure-model.ts';
import { emptyItem } from './structure-model.ts';
import classes from './documents.module.css';

type Update = (fn: (s: StructureState) => StructureState) => void;

interface Props {
  state: StructureState;
  update: Update;
  selectedId: string | null;
  /** Shows an item's place in the text. */
  onShowInText: (id: string) => void;
  /** Messages by field path ("deadlines.2.text"). */
  errors: Record<string, string>;
  year: number;
}

/** Section titles, item names and "add" labels of each list, in the reader's language. */
function useListWords() {
  const { t } = useTranslation();
  return (list: ListKey) => ({
    title: t(`documents.lists.${list}.title`),
    item: (n: number) => t(`documents.lists.${list}.item`, { n }),
    add: t(`documents.lists.${list}.add`),
    empty: t(`documents.lists.${list}.empty`),
  });
}

/** The kinds a document may have, with `current` among them even when the list does not name it ("QĐ-TTg"). */
function kindOptions(lang: 'vi' | 'en', current: string | null) {
  const options = Object.entries(DOCUMENT_KIND_LABELS)
    .filter(([k]) => k !== 'VB')
    .map(([value, l]) => ({ value, label: `${l[lang]} (${value})` }));
  return current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
}

/** Replaces one item of a list. */
function setItem<T>(update: Update, list: ListKey, key: string, fn: (v: T) => T) {
  update((s) => ({ ...s, [list]: (s[list] as Item<T>[]).map((i) => (i.key === key ? { ...i, value: fn(i.value) } : i)) }));
}

function ItemCard({ id, name, selected, hasPlace, onShow, onDelete, children }: {
  id: string; name: string; selected: boolean; hasPlace: boolean; onShow: () => void; onDelete: () => void; children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      id={`item-${id}`}
      tabIndex={-1}
      className={`${classes.item} ${selected ? classes.itemSelected : ''}`}
      role="group"
      aria-label={name}
    >
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={600} size="sm">
          {name}
        </Text>
        <Group gap={4} wrap="nowrap">
          {hasPlace ? (
            <Button size="compact-sm" variant="subtle" leftSection={<IconFocus2 size={16} aria-hidden />} onClick={onShow} aria-label={t('documents.showInTextOf', { name })}>
              {t('documents.showInText')}
            </Button>
          ) : (
            <Badge variant="light" color="gray" tt="none">
              {t('documents.addedByHand')}
            </Badge>
          )}
          <ActionIcon variant="subtle" color="red" size="lg" onClick={onDelete} aria-label={t('documents.deleteItem', { name })}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

function ListSection<T>({ list, state, update, selectedId, onShowInText, year, render }: Props & {
  list: ListKey;
  render: (item: Item<T>, index: number, name: string) => ReactNode;
}) {
  const words = useListWords()(list);
  const items = state[list] as unknown as Item<T>[];
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={words.title}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} fz="h5">
            {words.title}
          </Title>
          <Badge variant="light" tt="none">
            {items.length}
          </Badge>
        </Group>
        <Button
          size="compact-md"
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => update((s) => ({ ...s, [list]: [...(s[list] as unknown[]), emptyItem(list, year)] }))}
        >
          {words.add}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {words.empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((item, i) => {
            const name = words.item(i + 1);
            return (
              <ItemCard
                key={item.key}
                id={item.key}
                name={name}
                selected={selectedId === item.key}
                hasPlace={item.spans.length > 0}
                onShow={() => onShowInText(item.key)}
                onDelete={() => update((s) => ({ ...s, [list]: (s[list] as Item<unknown>[]).filter((x) => x.key !== item.key) }))}
              >
                {render(item, i, name)}
              </ItemCard>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}

const lines = (v: string) => v.split('\n');

/** The proposed structure as an editable form: the document's particulars, then each list with its items. */
export function StructureForm(props: Props) {
  const { state, update, errors, year, selectedId } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const set = <K extends keyof StructureState>(key: K, value: StructureState[K]) => update((s) => ({ ...s, [key]: value }));
  const scalarClass = (id: string) => `${classes.item} ${selectedId === id ? classes.itemSelected : ''}`;
  const whatOptions = DEADLINE_WHATS.map((w) => ({ value: w, label: DEADLINE_WHAT_LABELS[w][lang] }));
  // New deadlines start in the document's year (its last day), not today: a document is often
  // reviewed long after it was issued.
  const near = isoDate(year, 12, 31) ?? undefined;

  const refEditor = (list: 'implements' | 'references') => (item: Item<ExtractedRef>, i: number, name: string) => (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
      <Select
        label={t('documents.fields.kind')}
        data={kindOptions(lang, item.value.kind)}
        value={item.value.kind}
        searchable
        allowDeselect={false}
        onChange={(v) => v && setItem<ExtractedRef>(update, list, item.key, (r) => ({ ...r, kind: v }))}
        aria-label={`${t('documents.fields.kind')} — ${name}`}
      />
      <TextInput
        label={t('documents.fields.number')}
        value={item.value.number}
        error={errors[`${list}.${i}.number`]}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setItem<ExtractedRef>(update, list, item.key, (r) => ({ ...r, number: v }));
        }}
      />
      <TypedDateInput label={t('documents.fields.date')} value={item.value.date} onChange={(v) => setItem<ExtractedRef>(update, list, item.key, (r) => ({ ...r, date: v }))} />
    </SimpleGrid>
  );

  return (
    <Stack gap="md">
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('documents.general')}>
        <Title order={3} fz="h5" mb="sm">
          {t('documents.general')}
        </Title>
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Select
              label={t('documents.fields.kind')}
              data={kindOptions(lang, state.kind)}
              value={state.kind}
              searchable
              clearable
              placeholder={t('documents.kindUnknown')}
              onChange={(v) => set('kind', v)}
            />
            <div id="item-number" tabIndex={-1} className={scalarClass('number')}>
              <TextInput label={t('documents.fields.number')} value={state.number} error={errors.number} onChange={(e) => set('number', e.currentTarget.value)} />
            </div>
            <TextInput label={t('documents.fields.issuer')} value={state.issuer} onChange={(e) => set('issuer', e.currentTarget.value)} />
            <TextInput label={t('documents.fields.place')} value={state.place} onChange={(e) => set('place', e.currentTarget.value)} />
            <TypedDateInput label={t('documents.fields.date')} value={state.date} error={errors.date} onChange={(v) => set('date', v)} />
          </SimpleGrid>
          <div id="item-title" tabIndex={-1} className={scalarClass('title')}>
            <Textarea label={t('documents.fields.title')} value={state.title} autosize minRows={2} maxRows={6} error={errors.title} onChange={(e) => set('title', e.currentTarget.value)} />
          </div>
          <div id="item-signer" tabIndex={-1} className={scalarClass('signer')}>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <TextInput label={t('documents.fields.signerCapacity')} value={state.signer.capacity} onChange={(e) => set('signer', { ...state.signer, capacity: e.currentTarget.value })} />
              <TextInput label={t('documents.fields.signerTitle')} value={state.signer.title} onChange={(e) => set('signer', { ...state.signer, title: e.currentTarget.value })} />
              <TextInput label={t('documents.fields.signerName')} value={state.signer.name} onChange={(e) => set('signer', { ...state.signer, name: e.currentTarget.value })} />
            </SimpleGrid>
          </div>
        </Stack>
      </Paper>

      <ListSection<ExtractedRef> {...props} list="implements" render={refEditor('implements')} />

      <ListSection<ExtractedDeadline>
        {...props}
        list="deadlines"
        render={(item, i, name) => (
          <>
            <TextInput
              label={t('documents.fields.deadlineText')}
              value={item.value.text}
              error={errors[`deadlines.${i}.text`]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setItem<ExtractedDeadline>(update, 'deadlines', item.key, (d) => ({ ...d, text: v }));
              }}
            />
            <DueEditor typeLabel={t('due.typeOf', { label: name })} value={item.value.due} near={near} onChange={(due) => setItem<ExtractedDeadline>(update, 'deadlines', item.key, (d) => ({ ...d, due }))} />
            <Select
              label={t('documents.fields.what')}
              data={whatOptions}
              value={item.value.what}
              allowDeselect={false}
              onChange={(v) => v && setItem<ExtractedDeadline>(update, 'deadlines', item.key, (d) => ({ ...d, what: v as ExtractedDeadline['what'] }))}
              w={220}
            />
          </>
        )}
      />

      <ListSection<ExtractedReport>
        {...props}
        list="reports"
        render={(item, i, name) => (
          <>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
              <TextInput label={t('documents.fields.reportFrom')} value={item.value.from ?? ''} onChange={(e) => {
                const v = e.currentTarget.value;
                setItem<ExtractedReport>(update, 'reports', item.key, (r) => ({ ...r, from: v || null }));
              }} />
              <TextInput label={t('documents.fields.reportTo')} value={item.value.to} error={errors[`reports.${i}.to`]} onChange={(e) => {
                const v = e.currentTarget.value;
                setItem<ExtractedReport>(update, 'reports', item.key, (r) => ({ ...r, to: v }));
              }} />
              <TextInput label={t('documents.fields.reportVia')} value={item.value.via ?? ''} onChange={(e) => {
                const v = e.currentTarget.value;
                setItem<ExtractedReport>(update, 'reports', item.key, (r) => ({ ...r, via: v || null }));
              }} />
            </SimpleGrid>
            <Text size="sm" fw={500}>
              {t('documents.fields.reportDue')}
            </Text>
            <DueListEditor
              dues={item.value.due}
              onChange={(due) => setItem<ExtractedReport>(update, 'reports', item.key, (r) => ({ ...r, due }))}
              newDue={() => ({ type: 'date', value: `${year}-12-31` }) as Due}
              addLabel={t('documents.addReportDue')}
              typeLabel={(j) => t('due.typeOf', { label: t('documents.reportDueOf', { name, n: j + 1 }) })}
              removeLabel={(j) => t('documents.deleteItem', { name: t('documents.reportDueOf', { name, n: j + 1 }) })}
              near={near}
            />
          </>
        )}
      />

      <ListSection<AssignmentValue>
        {...props}
        list="assignments"
        render={(item) => (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            {(['lead', 'support'] as const).map((role) => (
              <Textarea
                key={role}
                label={t(`documents.fields.${role}`)}
                description={t('documents.onePerLine')}
                autosize
                minRows={1}
                value={item.value[role].join('\n')}
                onChange={(e) => {
                  const v = lines(e.currentTarget.value);
                  setItem<AssignmentValue>(update, 'assignments', item.key, (a) => ({ ...a, [role]: v }));
                }}
              />
            ))}
          </SimpleGrid>
        )}
      />

      <ListSection<ExtractedRef> {...props} list="references" render={refEditor('references')} />

      <ListSection<string>
        {...props}
        list="recipients"
        render={(item) => (
          <TextInput
            label={t('documents.fields.recipient')}
            value={item.value}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setItem<string>(update, 'recipients', item.key, () => v);
            }}
          />
        )}
      />
    </Stack>
  );
}
