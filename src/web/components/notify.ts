import { notifications } from '@mantine/notifications';
import i18n from '../i18n/index.ts';
import { ApiError } from '../api-client.ts';

/** A green notice that something was done. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', title: i18n.t('common.done'), message, autoClose: 5000 });
}

/** The server's message for an error, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('common.unexpectedError');
}

/** A red notice with the server's (Vietnamese) message. */
export function notifyError(error: unknown): void {
  notifications.show({ color: 'red', title: i18n.t('common.failed'), message: errorMessage(error), autoClose: 8000 });
}
