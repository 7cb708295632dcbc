import { z } from 'zod';
import { deliverEmails } from '../services/notifications/deliver-emails.ts';
import { defineJob } from './runner.ts';

/** Emails the notifications not emailed yet when SMTP is configured; does nothing otherwise. */
export default defineJob({
  id: 'send-emails',
  payloadSchema: z.strictObject({}),
  handler: async (_payload, { db, now, mailer }) => (mailer ? deliverEmails(db, mailer, now) : { sent: 0, failed: 0 }),
});
