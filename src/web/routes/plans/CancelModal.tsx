import { Text, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CancelResult } from '#shared/plans.ts';
import { PLAN_CANCEL_REASON_MAX } from '#shared/plans.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { errorMessage, notifySuccess } from '../../components/notify.ts';
import { formatNumber } from '../../components/format.ts';
import { reasonProblem } from './plan-lifecycle.ts';
import { useCancel } from './plan-queries.ts';

interface Props {
  title: string;
  /** What will be cancelled and what follows, in words the user can check. */
  intro: ReactNode;
  /** cancelUrl(…) of the plan or the instance. */
  url: string;
  onClose: () => void;
}

/** "Thu hồi": the reason, required, then the plan or the instance is cancelled and the units told why. */
export function CancelModal({ title, intro, url, onClose }: Props) {
  const { t } = useTranslation();
  const cancel = useCancel();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = () => {
    const problem = reasonProblem(reason);
    setFieldError(problem ? t(problem, { max: formatNumber(PLAN_CANCEL_REASON_MAX) }) : null);
    if (problem) return;
    setError(null);
    cancel.mutate(
      { url, reason: reason.trim() },
      {
        onSuccess: (out: CancelResult) => {
          notifySuccess(t('plans.cancel.done', { tasks: formatNumber(out.tasks), reports: formatNumber(out.reports) }));
          onClose();
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <FormModal
      title={title}
      onClose={onClose}
      onSubmit={submit}
      error={error}
      submitLabel={t('plans.cancel.submit')}
      busy={cancel.isPending}
      danger
      intro={<Text size="sm">{intro}</Text>}
    >
      <Textarea
        label={t('plans.cancel.reason')}
        description={t('plans.cancel.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={8}
        required
        error={fieldError}
        data-autofocus
      />
    </FormModal>
  );
}
