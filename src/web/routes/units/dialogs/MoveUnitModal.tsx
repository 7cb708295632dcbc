import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitMove } from '#shared/units.ts';
import { UnitMoveSchema } from '#shared/units.ts';
import { api } from '../../../api-client.ts';
import { datedChangePayload, DatedChangeFields } from '../../../components/DatedChangeFields.tsx';
import { todayIso } from '../../../components/format.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import type { UnitRef } from '../../../components/unit-queries.ts';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useOrgChange } from '../../../components/use-org-change.ts';

/** "Chuyển đơn vị": the unit (with everything under it) goes under another parent from a date. */
export function MoveUnitModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ parent: null as UnitRef | null, on: todayIso() as string | null, note: '' });
  const move = useOrgChange({
    mutationFn: (input: UnitMove) => api.post(`/api/units/${unit.id}/move`, input),
    notice: () => t('units.moved', { name: unit.name, parent: form.values.parent?.name ?? '' }),
    onError: form.showServerError,
  });
  const v = form.values;
  const currentParent = unit.ancestors[unit.ancestors.length - 1];

  function submit() {
    const input = form.validate(UnitMoveSchema, { parentId: v.parent?.id ?? '', ...datedChangePayload(v) });
    if (input) move.mutate(input, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('units.actions.move')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('units.actions.moveSubmit')} busy={move.isPending} gap="md">
      <TextInput label={t('units.currentParent')} value={currentParent?.name ?? '—'} readOnly variant="filled" />
      <UnitSelect
        label={t('units.newParent')}
        required
        value={v.parent}
        onChange={(u) => form.set('parent', u)}
        excludeIds={[unit.id, ...(currentParent ? [currentParent.id] : [])]}
        error={form.errors.parentId}
        description={t('units.moveHint')}
      />
      <DatedChangeFields values={v} errors={form.errors} set={form.set} />
    </FormModal>
  );
}
