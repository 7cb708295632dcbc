import { Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/members.ts';
import { MembershipEndSchema } from '../../../shared/members.ts';
import { api } from '../../api-client.ts';
import { ConfirmStep } from '../../components/ConfirmStep.tsx';
import { DateField } from '../../components/DateField.tsx';
import { FormActions } from '../../components/FormActions.tsx';
import { FormError } from '../../components/FormError.tsx';
import { todayIso } from '../../components/format.ts';
import { formatViDate } from '../../../core/text/dates.ts';
import { ResponsiveModal } from '../../components/ResponsiveModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMemberChange } from './use-member-change.ts';

type Membership = PersonDetail['memberships'][number];
const REASONS = ['left', 'transferred_out', 'deceased', 'expelled', 'other'] as const;

/** Ends a membership (the person is kept, with their history), after a confirmation. */
export function EndMembershipModal({ membership, personName, onClose }: { membership: Membership; personName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ reason: 'left' as string, on: todayIso() as string | null, note: '' });
  const [confirming, setConfirming] = useState(false);
  const change = useMemberChange((e) => {
    setConfirming(false);
    form.showServerError(e);
  });
  const v = form.values;
  const input = () => ({ on: v.on ?? '', reason: v.reason, ...(v.note.trim() ? { note: v.note.trim() } : {}) });

  function review(e: FormEvent) {
    e.preventDefault();
    if (form.validate(MembershipEndSchema, input())) setConfirming(true);
  }

  async function confirm() {
    const body = form.validate(MembershipEndSchema, input());
    if (!body) return;
    const ok = await change.run(() => api.post(`/api/memberships/${membership.id}/end`, body), t('members.ended', { name: personName }));
    if (ok) onClose();
  }

  return (
    <ResponsiveModal opened onClose={onClose} title={t('members.endMembership')}>
      {confirming ? (
        <ConfirmStep confirmLabel={t('members.endConfirm')} loading={change.busy} onConfirm={() => void confirm()} onBack={() => setConfirming(false)}>
          {t('members.endWarning', { name: personName, unit: membership.unitName, date: formatViDate(v.on) })}
        </ConfirmStep>
      ) : (
        <form onSubmit={review} noValidate>
          <Stack gap="sm">
            <FormError message={form.formError} />
            <Select
              label={t('members.endReason')}
              data={REASONS.map((r) => ({ value: r, label: t(`members.endReasons.${r}`) }))}
              value={v.reason}
              onChange={(r) => r && form.set('reason', r)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <DateField label={t('units.effectiveDate')} required value={v.on} onChange={(d) => form.set('on', d)} error={form.errors.on} />
            <Textarea label={t('units.note')} autosize minRows={2} value={v.note} onChange={(e) => form.set('note', e.currentTarget.value)} error={form.errors.note} />
            <FormActions submitLabel={t('common.continue')} onCancel={onClose} color="red" />
          </Stack>
        </form>
      )}
    </ResponsiveModal>
  );
}
