import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { z } from '#shared/common.ts';
import type { PersonDetail } from '#shared/members.ts';
import { MembershipEndSchema } from '#shared/members.ts';
import { api } from '../../api-client.ts';
import { ConfirmedChangeModal } from '../../components/ConfirmedChangeModal.tsx';
import { datedChangePayload, DatedChangeFields } from '../../components/DatedChangeFields.tsx';
import { formatDate, todayIso } from '../../components/format.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { useConfirmedOrgChange } from '../../components/use-org-change.ts';

type Membership = PersonDetail['memberships'][number];
const REASONS = ['left', 'transferred_out', 'deceased', 'expelled', 'other'] as const;

/** Ends a membership (the person is kept, with their history), after a confirmation. */
export function EndMembershipModal({ membership, personName, onClose }: { membership: Membership; personName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useFormState({ reason: 'left' as string, on: todayIso() as string | null, note: '' });
  const change = useConfirmedOrgChange(form.showServerError, {
    mutationFn: (input: z.infer<typeof MembershipEndSchema>) => api.post(`/api/memberships/${membership.id}/end`, input),
    notice: () => t('members.ended', { name: personName }),
  });
  const v = form.values;

  return (
    <ConfirmedChangeModal
      title={t('members.endMembership')}
      onClose={onClose}
      onReview={() => change.review(form.validate(MembershipEndSchema, { ...datedChangePayload(v), reason: v.reason }))}
      error={form.formError}
      change={change}
      confirmLabel={t('members.endConfirm')}
      warning={(input) => t('members.endWarning', { name: personName, unit: membership.unitName, date: formatDate(input.on) })}
    >
      <Select
        label={t('members.endReason')}
        data={REASONS.map((r) => ({ value: r, label: t(`members.endReasons.${r}`) }))}
        value={v.reason}
        onChange={(r) => r && form.set('reason', r)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <DatedChangeFields values={v} errors={form.errors} set={form.set} />
    </ConfirmedChangeModal>
  );
}
