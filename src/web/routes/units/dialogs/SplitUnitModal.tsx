import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitSplit } from '../../../../shared/units.ts';
import { UnitSplitSchema } from '../../../../shared/units.ts';
import { api } from '../../../api-client.ts';
import { ConfirmStep } from '../../../components/ConfirmStep.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormError } from '../../../components/FormError.tsx';
import { todayIso } from '../../../components/format.ts';
import { formatViDate } from '../../../../core/text/dates.ts';
import { ResponsiveModal } from '../../../components/ResponsiveModal.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useUnitChange } from './use-unit-change.ts';

/** "Chia tách": the unit ends and new units (at least two) take its place under the same parent. */
export function SplitUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ names: ['', ''], on: todayIso() as string | null, note: '' });
  const [pending, setPending] = useState<UnitSplit | null>(null);
  const change = useUnitChange((e) => {
    setPending(null);
    form.showServerError(e);
  });
  const v = form.values;
  const setName = (i: number, name: string) => form.set('names', v.names.map((n, j) => (j === i ? name : n)));

  function review(e: FormEvent) {
    e.preventDefault();
    const input = form.validate(UnitSplitSchema, {
      parts: v.names.map((name) => ({ name })),
      on: v.on ?? '',
      ...(v.note.trim() ? { note: v.note.trim() } : {}),
    });
    if (input) setPending(input);
  }

  async function confirm() {
    if (!pending) return;
    const ok = await change.run(() => api.post<{ ids: string[] }>(`/api/units/${unit.id}/split`, pending), t('units.split', { name: unit.name, count: pending.parts.length }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('units.actions.split')}>
      {pending ? (
        <ConfirmStep confirmLabel={t('units.actions.splitConfirm')} loading={change.busy} onConfirm={() => void confirm()} onBack={() => setPending(null)}>
          {t('units.splitWarning', { name: unit.name, date: formatViDate(pending.on), names: pending.parts.map((p) => `“${p.name}”`).join(', ') })}
        </ConfirmStep>
      ) : (
        <form onSubmit={review} noValidate>
          <Stack>
            <FormError message={form.formError} />
            <Text size="sm">{t('units.splitHint')}</Text>
            {v.names.map((name, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('units.splitPartName', { n: i + 1 })}
                  required
                  value={name}
                  onChange={(e) => setName(i, e.currentTarget.value)}
                  error={form.errors[`parts.${i}.name`]}
                />
                {v.names.length > 2 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={42}
                    aria-label={t('units.splitRemovePart', { n: i + 1 })}
                    onClick={() => form.set('names', v.names.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
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
            <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
            <Textarea label={t('units.note')} autosize minRows={2} value={v.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
            <FormActions submitLabel={t('common.continue')} onCancel={onClose} color="red" />
          </Stack>
        </form>
      )}
    </ResponsiveModal>
  );
}
