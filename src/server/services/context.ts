import type { Actor } from '#core/access/scope.ts';
import type { Tx } from '../db/client.ts';

/** What every use case is given: who acts, the transaction, and the time of the request. */
export interface ServiceContext {
  actor: Actor;
  tx: Tx;
  now: Date;
}
