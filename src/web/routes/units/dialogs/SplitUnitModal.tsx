import { Button, Group, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitSplit } from '#shared/units.ts';
import { UnitSplitSchema } from '#shared/units.ts';
import { api } from '../../../api-client.ts';
import { ConfirmedChangeModal } from '../../../components/ConfirmedChangeModal.tsx';
import { datedChangePayload, DatedChangeFields } from '../../../components/DatedChangeFields.tsx';
import { todayIso } from '../../../components/format.ts';
import { useFormState } from '../../../components/use-form-state.ts';
import { useConfirmedOrgChange } from '../../../components/use-org-change.ts';
import { RemoveButton } from '../../../components/RemoveButton.tsx';
import { formatViDate } from '#core/text/dates.ts';

/** "Chia tách": the unit ends and new units (at least two) take its place under the same parent. */
export function SplitUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ names: ['', ''], on: todayIso() as string | null, note: '' });
  const change = useConfirmedOrgChange(form.showServerError, {
    mutationFn: (input: UnitSplit) => api.post<{ ids: string[] }>(`/api/units/${unit.id}/split`, input),
    notice: (_, input) => t('units.split', { name: unit.name, count: input.parts.length }),
  });
  const v = form.values;
  const setName = (i: number, name: string) => form.set('names', v.names.map((n, j) => (j === i ? name : n)));

  return (
    <ConfirmedChangeModal
      title={t('units.actions.split')}
      onClose={onClose}
      onReview={() => change.review(form.validate(UnitSplitSchema, { parts: v.names.map((name) => ({ name })), ...datedChangePayload(v) }))}
      error={form.formError}
      change={change}
      confirmLabel={t('units.actions.splitConfirm')}
      warning={(input) => t('units.splitWarning', { name: unit.name, date: formatViDate(input.on), names: input.parts.map((p) => `“${p.name}”`).join(', ') })}
      gap="md"
    >
      <Text size="sm">{t('units.splitHint')}</Text>
      {v.names.map((name, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={t('units.splitPartName', { n: i + 1 })} required value={name} onChange={(e) => setName(i, e.currentTarget.value)} error={form.errors[`parts.${i}.name`]} />
          {v.names.length > 2 && (
            <RemoveButton label={t('units.splitRemovePart', { n: i + 1 })} onClick={() => form.set('names', v.names.filter((_, j) => j !== i))} size={42} />
          )}
        </Group>
      ))}
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.set('names', [...v.names, ''])} w="fit-content">
        {t('units.splitAddPart')}
      </Button>
      {form.errors.parts && (
        <Text c="red" size="sm">
          {form.errors.parts}
        </Text>
      )}
      <DatedChangeFields values={v} errors={form.errors} set={form.set} />
    </ConfirmedChangeModal>
  );
}
