import { Radio, Select, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UrgeInputSchema } from '#shared/reports.ts';
import type { ObligationStatusList, UrgeInput, UrgeResult } from '#shared/reports.ts';
import { api } from '../../api-client.ts';
import { formatNumber } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';

interface Props {
  status: ObligationStatusList;
  /** The period chosen on the page, if any. */
  period: string | null;
  onClose: () => void;
}

/** "Đôn đốc": one message to the leaders of every unit that has not sent the report of a period. */
export function UrgeModal({ status, period, onClose }: Props) {
  const { t } = useTranslation();
  const first = period ?? status.periods.find((p) => p.dueDate)?.key ?? status.periods[0]?.key ?? '';
  const label = (key: string) => status.periods.find((p) => p.key === key)?.label ?? key;
  const form = useFormState({
    period: first,
    scope: 'overdue' as 'overdue' | 'not_submitted',
    message: t('reports.urge.defaultMessage', { title: status.obligation.title, period: label(first) }),
  });
  const urge = useMutationWithNotice({
    mutationFn: (body: UrgeInput) => api.post<UrgeResult>(`/api/obligations/${status.obligation.id}/urge`, body),
    invalidates: [['notifications']],
    notice: (out) => (out.units === 0 ? t('reports.urge.nobody') : t('reports.urge.done', { units: formatNumber(out.units), notifications: formatNumber(out.notifications) })),
    onError: form.showServerError,
  });
  const v = form.values;

  function submit() {
    const body = form.validate(UrgeInputSchema, { period: v.period, unit: status.unit.id, message: v.message, scope: v.scope });
    if (body) urge.mutate(body, { onSuccess: onClose });
  }

  return (
    <FormModal title={t('reports.urge.title')} onClose={onClose} onSubmit={submit} error={form.formError} submitLabel={t('reports.urge.send')} busy={urge.isPending}>
      <Select
        label={t('reports.urge.period')}
        data={status.periods.map((p) => ({ value: p.key, label: p.label }))}
        value={v.period}
        allowDeselect={false}
        onChange={(p) => p && form.set('period', p)}
        error={form.errors.period}
        comboboxProps={{ withinPortal: true }}
      />
      <Radio.Group label={t('reports.urge.who')} value={v.scope} onChange={(s) => form.set('scope', s as 'overdue' | 'not_submitted')}>
        <Stack gap="xs" mt={6}>
          <Radio value="overdue" label={t('reports.urge.overdue')} />
          <Radio value="not_submitted" label={t('reports.urge.notSubmitted')} />
        </Stack>
      </Radio.Group>
      <Textarea label={t('reports.urge.message')} autosize minRows={3} {...form.text('message')} />
    </FormModal>
  );
}
