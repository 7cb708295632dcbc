import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/scope.ts';
import { DomainError } from '../../core/errors.ts';
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
