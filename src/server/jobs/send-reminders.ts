import { z } from 'zod';
import { createReminders } from '../services/notifications/create-reminders.ts';
import { defineJob } from './runner.ts';

/**
 * Reminders before, on and after each due date, to the leaders of the unit that owes the work
 * (services/notifications/create-reminders.ts). Idempotent: run it as often as you like. The
 * scheduler enqueues it every quarter of an hour, from the one process holding the lease.
 */
export default defineJob({
  id: 'send-reminders',
  payloadSchema: z.strictObject({}),
  handler: (_payload, { db, now }) => db.transaction((tx) => createReminders(tx, now)),
});
