import type { FastifyRequest } from 'fastify';
import type { Actor } from '#core/access/scope.ts';
import { DomainError } from '#core/errors.ts';
import type { ServiceContext } from '../services/context.ts';
import type { RouteContext } from './context.ts';

/** The signed-in actor of a request (the access hook has already refused anonymous requests). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  return request.actor;
}

/** Runs one use case in one transaction: every state change is all or nothing. */
export function inTransaction<T>(ctx: RouteContext, request: FastifyRequest, fn: (s: ServiceContext) => Promise<T>): Promise<T> {
  const actor = actorOf(request);
  const now = ctx.clock();
  return ctx.db.transaction((tx) => fn({ actor, tx, now }));
}

/**
 * The context of a read, or of a use case that opens its own transaction when it needs one: the
 * database with the request's actor and time.
 */
export function readContext(ctx: RouteContext, request: FastifyRequest): ServiceContext {
  return { actor: actorOf(request), tx: ctx.db, now: ctx.clock() };
}
