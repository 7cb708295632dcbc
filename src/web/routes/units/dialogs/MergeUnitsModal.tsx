import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { UnitDetail, UnitMerge } from '../../../../shared/units.ts';
import { UnitMergeSchema } from '../../../../shared/units.ts';
import { api } from '../../../api-client.ts';
import { ConfirmStep } from '../../../components/ConfirmStep.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { FormActions } from '../../../components/FormActions.tsx';
import { FormError } from '../../../components/FormError.tsx';
import { todayIso } from '../../../components/format.ts';
import { formatViDate } from '../../../../core/text/dates.ts';
import { ResponsiveModal } from '../../../components/ResponsiveModal.tsx';
import { UnitSearchMultiSelect } from '../../../components/UnitSearchMultiSelect.tsx';
import { UnitSearchSelect } from '../../../components/UnitSearchSelect.tsx';
import { useFormState } from '../../../components/use-form-state.ts';
import { useUnitChange } from './use-unit-change.ts';

type Direction = 'into-this' | 'this-into';

/**
 * "Sáp nhập": other units into this one, or this one into another, from a date. The merged
 * units end; their members and sub-units move to the receiving unit; their history stays readable there.
 */
export function MergeUnitsModal({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormState({ direction: 'into-this' as Direction, sourceIds: [] as string[], targetId: null as string | null, targetName: '', on: todayIso() as string | null, note: '' });
  const [pending, setPending] = useState<UnitMerge | null>(null);
  const change = useUnitChange((e) => {
    setPending(null);
    form.showServerError(e);
  });
  const v = form.values;

  function review(e: FormEvent) {
    e.preventDefault();
    const body =
      v.direction === 'into-this'
        ? { sourceIds: v.sourceIds, targetId: unit.id }
        : { sourceIds: [unit.id], targetId: v.targetId ?? '' };
    const input = form.validate(UnitMergeSchema, { ...body, on: v.on ?? '', ...(v.note.trim() ? { note: v.note.trim() } : {}) });
    if (input) setPending(input);
  }

  async function confirm() {
    if (!pending) return;
    const ok = await change.run(() => api.post<{ id: string }>('/api/units/merge', pending), t('units.merged'));
    if (!ok) return;
    onClose();
    if (ok.value.id !== unit.id) navigate(`/units/${ok.value.id}`);
  }

  const summary =
    v.direction === 'into-this'
      ? t('units.mergeIntoThisWarning', { count: pending?.sourceIds.length ?? 0, name: unit.name, date: formatViDate(pending?.on) })
      : t('units.mergeThisIntoWarning', { name: unit.name, target: v.targetName, date: formatViDate(pending?.on) });

  return (
    <ResponsiveModal opened onClose={onClose} title={t('units.actions.merge')}>
      {pending ? (
        <ConfirmStep confirmLabel={t('units.actions.mergeConfirm')} loading={change.busy} onConfirm={() => void confirm()} onBack={() => setPending(null)}>
          {summary}
        </ConfirmStep>
      ) : (
        <form onSubmit={review} noValidate>
          <Stack>
            <FormError message={form.formError} />
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
              <UnitSearchMultiSelect
                label={t('units.mergeSources')}
                value={v.sourceIds}
                onChange={(ids) => form.set('sourceIds', ids)}
                excludeIds={[unit.id, ...unit.ancestors.map((a) => a.id)]}
                error={form.errors.sourceIds}
              />
            ) : (
              <UnitSearchSelect
                label={t('units.mergeTarget')}
                required
                value={v.targetId}
                onChange={(id, item) => {
                  form.set('targetId', id);
                  form.set('targetName', item?.name ?? '');
                }}
                excludeIds={[unit.id]}
                error={form.errors.targetId}
              />
            )}
            <Text size="sm" c="dimmed">
              {t('units.mergeHint')}
            </Text>
            <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
            <Textarea label={t('units.note')} autosize minRows={2} value={v.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
            <FormActions submitLabel={t('common.continue')} onCancel={onClose} color="red" />
          </Stack>
        </form>
      )}
    </ResponsiveModal>
  );
}
