import { Alert, Anchor, Button, Group, Radio, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UrgeInputSchema } from '#shared/reports.ts';
import type { ObligationStatusList, UrgeInput, UrgeResult } from '#shared/reports.ts';
import { api, apiUrl } from '../../api-client.ts';
import { formatNumber } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { useMutationWithNotice } from '../../components/use-mutation-with-notice.ts';

interface Props {
  status: ObligationStatusList;
  /** The period chosen on the page, if any. */
  period: string | null;
  /** The units the page shows: those whose report the unit receives, or its whole subtree. */
  reach: 'received' | 'subtree';
  onClose: () => void;
}

/** "Đôn đốc": one message to the leaders of every unit that has not sent the report of a period. */
export function UrgeModal({ status, period, reach, onClose }: Props) {
  const { t } = useTranslation();
  const [unreached, setUnreached] = useState<UrgeResult['unreached']>([]);
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
    const body = form.validate(UrgeInputSchema, { period: v.period, unit: status.unit.id, message: v.message, scope: v.scope, reach });
    // Units nobody could be told of stay on screen, with the urging letter that reaches them on paper.
    if (body) urge.mutate(body, { onSuccess: (out) => (out.unreached.length > 0 ? setUnreached(out.unreached) : onClose()) });
  }

  return (
    <FormModal
      title={t('reports.urge.title')}
      onClose={onClose}
      onSubmit={submit}
      error={form.formError}
      submitLabel={t('reports.urge.send')}
      busy={urge.isPending}
      confirmation={
        unreached.length > 0 ? (
          <Stack gap="sm">
            <Alert color="orange" role="alert">
              {t('reports.urge.unreached', { n: formatNumber(unreached.length), names: unreached.map((u) => u.name).join(', ') })}
            </Alert>
            <Group justify="space-between">
              <Anchor href={apiUrl(`/api/obligations/${status.obligation.id}/urging-letter.docx`, { unit: status.unit.id, period: v.period })} download>
                {t('reports.urge.letter')}
              </Anchor>
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </Stack>
        ) : undefined
      }
    >
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
