import { z } from 'zod';
import { createOverdueDigest } from '../services/notifications/create-reminders.ts';
import { defineJob } from './runner.ts';

/** The daily digest of overdue units to the staff of each plan's unit; idempotent per day. */
export default defineJob({
  id: 'send-overdue-digest',
  payloadSchema: z.strictObject({}),
  handler: (_payload, { db, now }) => db.transaction((tx) => createOverdueDigest(tx, now)),
});
