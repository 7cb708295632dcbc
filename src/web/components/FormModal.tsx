import { Stack } from '@mantine/core';
import type { MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormActions } from './FormActions.tsx';
import { FormError } from './FormError.tsx';
import { ResponsiveModal } from './ResponsiveModal.tsx';

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  /** Why the form was refused (a failed check, the server's message), above the fields. */
  error: string | null;
  submitLabel: string;
  busy?: boolean;
  /** A destructive change: the submit button is red, and usually leads to `confirmation`. */
  danger?: boolean;
  gap?: MantineSpacing;
  /** What the form is about, above the error. */
  intro?: ReactNode;
  /** Shown instead of the form: the last question before a destructive change. */
  confirmation?: ReactNode;
  children: ReactNode;
}

/** A dialog holding one form: what it is about, why it was refused, the fields, cancel and submit. */
export function FormModal({ title, onClose, onSubmit, error, submitLabel, busy, danger, gap = 'sm', intro, confirmation, children }: Props) {
  return (
    <ResponsiveModal opened onClose={onClose} title={title}>
      {confirmation || (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
          noValidate
        >
          <Stack gap={gap}>
            {intro}
            <FormError message={error} />
            {children}
            <FormActions submitLabel={submitLabel} loading={busy} onCancel={onClose} color={danger ? 'red' : undefined} />
          </Stack>
        </form>
      )}
    </ResponsiveModal>
  );
}
