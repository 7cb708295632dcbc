import { Badge, Button, Checkbox, EmptyState, Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { IconPlus, IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THEMATIC_EVERY_LABELS } from '#core/meetings/rules.ts';
import { RuleSetCreateSchema } from '#shared/meetings.ts';
import { useActingUnit } from '../../components/acting-unit.ts';
import { CardList } from '../../components/CardList.tsx';
import { DateField } from '../../components/DateField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

import { FormModal } from '../../components/FormModal.tsx';
import { Hint } from '../../components/Hint.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { TextList } from '../../components/TextList.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useLang } from '../../components/use-lang.ts';
import { useMe } from '../../components/use-me.ts';
import { useCreateRuleSet, useRuleSets } from './meeting-queries.ts';
import { MeetingsNav } from './MeetingsNav.tsx';
import { formatDate } from '../../components/format.ts';

/** The dated meeting quality rule sets of the unit the user acts for, and adding one. */
export function RuleSetsPage() {
  const { t } = useTranslation();
  const acting = useActingUnit();
  const me = useMe();
  const list = useRuleSets(acting.unitId ?? '');
  const [adding, setAdding] = useState(false);
  if (acting.loading || (acting.unitId && list.isPending)) return <PageLoader />;
  if (!acting.unitId) return null;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data!.items;
  return (
    <>
      <PageHeader
        title={t('meetings.rules.title')}
        subtitle={t('meetings.rules.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('meetings.rules.add')}
          </Button>
        }
      />
      <MeetingsNav />
      {items.length === 0 ? (
        <EmptyState icon={<IconScale size={40} aria-hidden />} title={t('meetings.rules.empty')} py="lg" />
      ) : (
        <CardList items={items} label={t('meetings.rules.title')} itemKey={(s) => s.id}>
          {(s) => (
            <>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600}>{s.name}</Text>
                <Group gap={6}>
                  <Badge variant="light" color={s.unit || s.issuer ? 'teal' : 'blue'} tt="none">
                    {s.unit ? s.unit.name : (s.issuer ?? t('meetings.rules.national'))}
                  </Badge>
                  {!s.appliesHere && <Badge variant="light" color="gray">{t('meetings.rules.forBelow')}</Badge>}
                </Group>
              </Group>
              <Hint>{s.validTo ? t('meetings.rules.between', { from: formatDate(s.validFrom), to: formatDate(s.validTo) }) : t('meetings.rules.from', { date: formatDate(s.validFrom) })} · {s.source}</Hint>
              <TextList items={s.description} size="sm" mt={4} />
            </>
          )}
        </CardList>
      )}
      {adding && <RuleSetModal unitId={acting.unitId} superuser={!!me.data?.superuser} onClose={() => setAdding(false)} />}
    </>
  );
}

interface Values {
  national: boolean;
  issuer: string;
  name: string;
  source: string;
  validFrom: string | null;
  thematicEvery: string | null;
  thematicAtLeast: number | string;
  minMinutes: number | string;
  minMinutesCombined: number | string;
  materialsDaysBefore: number | string;
  attendancePercent: number | string;
  maxUnexcused: number | string;
  maxConsecutive: number | string;
}

const num = (v: number | string) => (v === '' ? null : Number(v));

function RuleSetModal({ unitId, superuser, onClose }: { unitId: string; superuser: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = useFormState<Values>({
    national: superuser, issuer: '', name: '', source: '', validFrom: null, thematicEvery: 'quarter', thematicAtLeast: 1, minMinutes: 90, minMinutesCombined: 120,
    materialsDaysBefore: 1, attendancePercent: 85, maxUnexcused: 0, maxConsecutive: 3,
  });
  const create = useCreateRuleSet({ notice: () => t('meetings.rules.saved'), onError: form.showServerError });
  const v = form.values;
  function submit() {
    const input = form.validate(RuleSetCreateSchema, {
      unitId: v.national ? null : unitId,
      ...(v.national && v.issuer.trim() ? { issuer: v.issuer } : {}),
      name: v.name,
      source: v.source,
      validFrom: v.validFrom ?? '',
      rules: {
        regularPerMonth: 1,
        thematic: v.thematicEvery ? { every: v.thematicEvery, atLeast: Number(v.thematicAtLeast || 1) } : null,
        minMinutes: num(v.minMinutes),
        minMinutesCombined: num(v.minMinutesCombined),
        materialsDaysBefore: num(v.materialsDaysBefore),
        minAttendanceShare: v.attendancePercent === '' ? null : Number(v.attendancePercent) / 100,
        maxUnexcusedAbsences: num(v.maxUnexcused),
        maxConsecutiveAbsences: num(v.maxConsecutive),
      },
    });
    if (input) create.mutate(input, { onSuccess: onClose });
  }
  const everyOptions = Object.entries(THEMATIC_EVERY_LABELS).map(([value, l]) => ({ value, label: l[lang] }));
  return (
    <FormModal title={t('meetings.rules.add')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('common.save')} busy={create.isPending}>
      {superuser && <Checkbox label={t('meetings.rules.nationalField')} checked={v.national} onChange={(e) => form.set('national', e.currentTarget.checked)} />}
      {!v.national && <Text size="sm" c="dimmed">{t('meetings.rules.scopeHint')}</Text>}
      {v.national && <TextInput label={t('meetings.rules.issuer')} description={t('meetings.rules.issuerHint')} {...form.text('issuer')} />}
      <TextInput label={t('meetings.rules.name')} required {...form.text('name')} />
      <TextInput label={t('meetings.rules.source')} required {...form.text('source')} />
      <DateField label={t('meetings.rules.validFrom')} required value={v.validFrom} onChange={(x) => form.set('validFrom', x)} error={form.errors.validFrom} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select label={t('meetings.rules.thematicEvery')} data={everyOptions} value={v.thematicEvery} onChange={(x) => form.set('thematicEvery', x)} clearable />
        <NumberInput label={t('meetings.rules.thematicAtLeast')} min={1} max={31} value={v.thematicAtLeast} onChange={(x) => form.set('thematicAtLeast', x)} />
        <NumberInput label={t('meetings.rules.minMinutes')} min={1} value={v.minMinutes} onChange={(x) => form.set('minMinutes', x)} />
        <NumberInput label={t('meetings.rules.minMinutesCombined')} min={1} value={v.minMinutesCombined} onChange={(x) => form.set('minMinutesCombined', x)} />
        <NumberInput label={t('meetings.rules.materialsDaysBefore')} min={0} value={v.materialsDaysBefore} onChange={(x) => form.set('materialsDaysBefore', x)} />
        <NumberInput label={t('meetings.rules.attendancePercent')} min={0} max={100} value={v.attendancePercent} onChange={(x) => form.set('attendancePercent', x)} />
        <NumberInput label={t('meetings.rules.maxUnexcused')} min={0} value={v.maxUnexcused} onChange={(x) => form.set('maxUnexcused', x)} />
        <NumberInput label={t('meetings.rules.maxConsecutive')} min={1} value={v.maxConsecutive} onChange={(x) => form.set('maxConsecutive', x)} />
      </SimpleGrid>
    </FormModal>
  );
}
