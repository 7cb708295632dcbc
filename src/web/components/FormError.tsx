import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** The message above a form when the server refused it. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert" p="sm">
      {message}
    </Alert>
  );
}
