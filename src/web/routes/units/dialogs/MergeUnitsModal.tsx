import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { UnitDetail, UnitMerge } from '#shared/units.ts';
import { UnitMergeSchema } from '#shared/units.ts';
import { api } from '../../../api-client.ts';
import { ConfirmedChangeModal } from '../../../components/ConfirmedChangeModal.tsx';
import { datedChangePayload, DatedChangeFields } from '../../../components/DatedChangeFields.tsx';
import { todayIso } from '../../../components/format.ts';
import { UnitMultiSelect } from '../../../components/UnitMultiSelect.tsx';
import type { UnitRef } from '../../../components/unit-queries.ts';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useConfirmedOrgChange } from '../../../components/use-org-change.ts';
import { Hint } from '../../../components/Hint.tsx';
import { formatViDate } from '#core/text/dates.ts';

type Direction = 'into-this' | 'this-into';

/**
 * "Sáp nhập": other units into this one, or this one into another, from a date. The merged
 * units end; their members and sub-units move to the receiving unit; their history stays readable there.
 */
export function MergeUnitsModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormState({ direction: 'into-this' as Direction, sources: [] as UnitRef[], target: null as UnitRef | null, on: todayIso() as string | null, note: '' });
  const change = useConfirmedOrgChange(form.showServerError, {
    mutationFn: (input: UnitMerge) => api.post<{ id: string }>('/api/units/merge', input),
    notice: () => t('units.merged'),
  });
  const v = form.values;

  function review() {
    const body = v.direction === 'into-this' ? { sourceIds: v.sources.map((u) => u.id), targetId: unit.id } : { sourceIds: [unit.id], targetId: v.target?.id ?? '' };
    change.review(form.validate(UnitMergeSchema, { ...body, ...datedChangePayload(v) }));
  }

  function done(out: { id: string }) {
    onClose();
    if (out.id !== unit.id) navigate(`/units/${out.id}`);
  }

  const warning = (input: UnitMerge) =>
    v.direction === 'into-this'
      ? t('units.mergeIntoThisWarning', { count: input.sourceIds.length, name: unit.name, date: formatViDate(input.on) })
      : t('units.mergeThisIntoWarning', { name: unit.name, target: v.target?.name ?? '', date: formatViDate(input.on) });

  return (
    <ConfirmedChangeModal
      title={t('units.actions.merge')}
      onClose={onClose}
      onReview={review}
      error={form.formError}
      change={change}
      confirmLabel={t('units.actions.mergeConfirm')}
      warning={warning}
      onDone={done}
      gap="md"
    >
      <SegmentedControl
        fullWidth
        orientation="vertical"
        aria-label={t('units.mergeDirection')}
        value={v.direction}
        onChange={(d) => form.set('direction', d as Direction)}
        data={[
          { value: 'into-this', label: t('units.mergeIntoThis') },
          { value: 'this-into', label: t('units.mergeThisInto') },
        ]}
      />
      {v.direction === 'into-this' ? (
        <UnitMultiSelect
          label={t('units.mergeSources')}
          value={v.sources}
          onChange={(units) => form.set('sources', units)}
          excludeIds={[unit.id, ...unit.ancestors.map((a) => a.id)]}
          error={form.errors.sourceIds}
        />
      ) : (
        <UnitSelect label={t('units.mergeTarget')} required value={v.target} onChange={(u) => form.set('target', u)} excludeIds={[unit.id]} error={form.errors.targetId} />
      )}
      <Hint>{t('units.mergeHint')}</Hint>
      <DatedChangeFields values={v} errors={form.errors} set={form.set} />
    </ConfirmedChangeModal>
  );
}
