import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Action } from '#core/access/roles.ts';
import type { Actor } from '#core/access/scope.ts';
import { can } from '#core/access/scope.ts';
import { DomainError, isDomainError } from '#core/errors.ts';
import type { Db } from '../db/client.ts';
import { campaignReach } from '../db/queries/meetings.ts';
import { roundFor } from '../services/personal-plans/scope.ts';
import { planReach } from '../db/queries/plans.ts';
import { PUBLIC_READ, resourcePaths, type ResourceType } from '../db/queries/access.ts';

/**
 * Access follows the tree, checked for every request before the handler runs. Each route
 * declares in its config how the request reaches the tree: which parameter names which kind
 * of resource and what the request wants to do to it. The access-control test suite reads the
 * same declarations, so a new route cannot escape it.
 */
export type { ResourceType };

export interface ResourceRule {
  /** Where the id is found in the request. */
  from: 'params' | 'query' | 'body';
  key: string;
  resource: ResourceType;
  action: Action;
  /** When true, a request without that id passes this rule (the service scopes the result). */
  optional?: boolean;
}

/** A route reached through resources of the tree: every rule must pass. */
export interface ScopedAccess {
  kind: 'scoped';
  rules: ResourceRule[];
}

export type AccessRule =
  | { kind: 'public' }
  /** Any signed-in user; the service filters what it returns by the actor's grants. */
  | { kind: 'signed-in' }
  | { kind: 'superuser' }
  | ScopedAccess;

/** The access of a route that reaches the tree through the resources its rules name. */
export function scoped(...rules: ResourceRule[]): ScopedAccess {
  return { kind: 'scoped', rules };
}

/** The rule for the resource the route's `:id` names. */
export function idParam(resource: ResourceType, action: Action): ResourceRule {
  return { from: 'params', key: 'id', resource, action };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readId(request: FastifyRequest, rule: ResourceRule): string | undefined {
  const source = (rule.from === 'params' ? request.params : rule.from === 'query' ? request.query : request.body) as
    | Record<string, unknown>
    | undefined;
  const v = source?.[rule.key];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Resources whose reach is not one place in the tree. A plan is read by its unit's subtree
 * readers and by the units it is addressed to (db/queries/plans.ts says exactly who); editing and
 * publishing it needs `write` on its unit.
 */
const deciders: Partial<Record<ResourceType, (db: Db, actor: Actor, id: string, action: Action) => Promise<'allow' | 'forbidden' | 'not_found'>>> = {
  plan: async (db, actor, id, action) => {
    const reach = await planReach(db, actor, id, action);
    return reach.allowed ? 'allow' : reach.read ? 'forbidden' : 'not_found';
  },
  // A campaign is read by its unit's subtree readers and by readers of the cells it addresses
  // (db/queries/meetings.ts); changing it needs `write` on its unit.
  campaign: async (db, actor, id, action) => {
    const reach = await campaignReach(db, actor, id, action);
    return reach.allowed ? 'allow' : reach.read ? 'forbidden' : 'not_found';
  },
  // A round is seen by its unit's readers, by every unit it reached and by the members it asks
  // (services/personal-plans/scope.ts); launching-level changes need `write` on its unit. What a
  // member's plan shows is decided again by the service (core/personal-plans/readers.ts).
  round: async (db, actor, id, action) => {
    const round = await roundFor(db, actor, id).catch((e: unknown) => {
      if (isDomainError(e) && e.code === 'ROUND_NOT_FOUND') return null;
      throw e;
    });
    if (!round) return 'not_found';
    return action === 'read' || can(actor, action, round.unitPath) ? 'allow' : 'forbidden';
  },
};

const notFound = () => new DomainError('NOT_FOUND', 'Không tìm thấy hoặc bạn không có quyền xem.');
const forbidden = () => new DomainError('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');

/** Checks one rule for the actor; throws NOT_FOUND when the resource is out of sight, FORBIDDEN when visible but not allowed. */
export async function checkRule(db: Db, actor: Actor, request: FastifyRequest, rule: ResourceRule): Promise<void> {
  const id = readId(request, rule);
  if (id === undefined) {
    if (rule.optional) return;
    throw notFound();
  }
  if (!UUID.test(id)) throw notFound();
  const decide = deciders[rule.resource];
  if (decide) {
    const verdict = await decide(db, actor, id, rule.action);
    if (verdict === 'not_found') throw notFound();
    if (verdict === 'forbidden') throw forbidden();
    return;
  }
  const paths = await resourcePaths[rule.resource](db, id);
  if (paths.length === 0) throw notFound();
  if (paths.includes(PUBLIC_READ)) {
    if (rule.action === 'read' || actor.superuser) return;
    throw forbidden();
  }
  if (!paths.every((p) => can(actor, 'read', p) || can(actor, rule.action, p))) throw notFound();
  if (!paths.every((p) => can(actor, rule.action, p))) throw forbidden();
}

export default fp(async function accessPlugin(app: FastifyInstance, opts: { db: Db }) {
  app.decorateRequest('actor', null);
  // preHandler runs after validation, so ids in body and query have their validated shape.
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    // The route that matched, as registered (never the URL as written, which may be percent-encoded).
    const route = request.routeOptions.url;
    if (!access) {
      // No route matched (the not-found handler answers 404), or a route outside the API: the web
      // app's files, and the OpenAPI description with its viewer, registered by @fastify/swagger-ui.
      if (route === undefined || !route.startsWith('/api/') || route.startsWith('/api/docs')) return;
      throw new Error(`Route ${request.routeOptions.method} ${route} declares no access rule`);
    }
    if (access.kind === 'public') return;
    const actor = request.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
    if (access.kind === 'signed-in') return;
    if (access.kind === 'superuser') {
      if (!actor.superuser) throw forbidden();
      return;
    }
    for (const rule of access.rules) await checkRule(opts.db, actor, request, rule);
  });
});
