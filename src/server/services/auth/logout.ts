import { deleteSession } from '../../db/queries/auth.ts';
import { writeAudit } from '../../db/queries/audit.ts';
import type { ServiceContext } from '../context.ts';

/** Ends the session of `token` (the one the request came with) and records the sign-out. */
export async function logout(token: string | undefined, ctx: ServiceContext): Promise<void> {
  if (token) await deleteSession(ctx.tx, token);
  await writeAudit(ctx.tx, ctx.actor, { action: 'auth.logout', entity: 'user', entityId: ctx.actor.userId, unitPath: null }, ctx.now);
}
