import type { MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmStep } from './ConfirmStep.tsx';
import { FormModal } from './FormModal.tsx';
import type { ConfirmedChange } from './use-org-change.ts';

interface Props<V, R> {
  title: string;
  onClose: () => void;
  /** Checks the form and hands the input to `change.review`. */
  onReview: () => void;
  error: string | null;
  change: ConfirmedChange<V, R>;
  confirmLabel: string;
  /** What will happen, in words the user can check, from the checked input. */
  warning: (input: V) => ReactNode;
  /** After the change is done; closing the dialog when not given. */
  onDone?: (out: R) => void;
  gap?: MantineSpacing;
  children: ReactNode;
}

/** The dialog of a destructive change: the form, then "continue" leads to one more question before anything is sent. */
export function ConfirmedChangeModal<V, R>({ title, onClose, onReview, error, change, confirmLabel, warning, onDone = onClose, gap, children }: Props<V, R>) {
  const { t } = useTranslation();
  const confirmation = change.pending && (
    <ConfirmStep confirmLabel={confirmLabel} loading={change.busy} onConfirm={() => change.confirm(onDone)} onBack={change.back}>
      {warning(change.pending)}
    </ConfirmStep>
  );
  return (
    <FormModal title={title} onClose={onClose} onSubmit={onReview} error={error} submitLabel={t('common.continue')} danger gap={gap} confirmation={confirmation}>
      {children}
    </FormModal>
  );
}
