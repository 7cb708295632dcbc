import { sql } from 'drizzle-orm';
import type { TreePath } from '#core/access/scope.ts';
import type { Tx } from '../client.ts';

/** Finds the tree paths a resource lives at; an empty list means "no such resource". */
export type PathResolver = (db: Tx, id: string) => Promise<TreePath[]>;

/**
 * The path of a resource open to every signed-in user for reading and changed only by
 * superusers: a stub document (a public Party or state document known from citations).
 */
export const PUBLIC_READ = '__public__' as TreePath;

/** The kinds of resource a route's access rule can name (plugins/access.ts). */
export type ResourceType = 'unit' | 'person' | 'user' | 'membership' | 'obligation_instance' | 'submission' | 'plan' | 'task_instance' | 'document'
  | 'meeting' | 'campaign' | 'attachment' | 'round';

/**
 * Where each kind of resource stands in the tree, for the access checks (plugins/access.ts) and
 * for the services that check a resource named in a request body the same way.
 */
export const resourcePaths: Record<ResourceType, PathResolver> = {
  unit: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`SELECT path::text AS path FROM unit WHERE id = ${id}`);
    return r.rows.map((x) => x.path);
  },
  person: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(
      sql`SELECT u.path::text AS path FROM person p JOIN unit u ON u.id = p.unit_id WHERE p.id = ${id} AND p.deleted_at IS NULL`,
    );
    return r.rows.map((x) => x.path);
  },
  membership: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(
      sql`SELECT u.path::text AS path FROM membership m JOIN unit u ON u.id = m.unit_id WHERE m.id = ${id}`,
    );
    return r.rows.map((x) => x.path);
  },
  // A report a unit owes, and each version of it, belong to that unit: the unit and the levels
  // above it see them, a sibling does not.
  obligation_instance: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`SELECT unit_path::text AS path FROM obligation_instance WHERE id = ${id} AND status <> 'cancelled'`);
    return r.rows.map((x) => x.path);
  },
  submission: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`
      SELECT oi.unit_path::text AS path FROM submission s JOIN obligation_instance oi ON oi.id = s.obligation_instance_id WHERE s.id = ${id}`);
    return r.rows.map((x) => x.path);
  },
  // A plan's place in the tree is its unit; who may read it is wider (see `deciders` in plugins/access.ts).
  plan: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`SELECT u.path::text AS path FROM plan p JOIN unit u ON u.id = p.unit_id WHERE p.id = ${id}`);
    return r.rows.map((x) => x.path);
  },
  // A task instance belongs to its unit: the unit and the levels above it see it, a sibling does not.
  task_instance: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`SELECT u.path::text AS path FROM task_instance ti JOIN unit u ON u.id = ti.unit_id WHERE ti.id = ${id}`);
    return r.rows.map((x) => x.path);
  },
  // A document belongs to the unit that holds it; a stub belongs to nobody and is public.
  document: async (db, id) => {
    const r = await db.execute<{ path: TreePath | null }>(
      sql`SELECT owner_path::text AS path FROM document WHERE id = ${id} AND deleted_at IS NULL`,
    );
    return r.rows.map((x) => (x.path === null ? PUBLIC_READ : x.path));
  },
  // A meeting and its attendance belong to its unit: the unit and the levels above see them, a sibling does not.
  meeting: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`SELECT u.path::text AS path FROM meeting m JOIN unit u ON u.id = m.unit_id WHERE m.id = ${id}`);
    return r.rows.map((x) => x.path);
  },
  // A campaign's place in the tree is its unit; who may read it is wider (see `deciders` in plugins/access.ts).
  campaign: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`SELECT u.path::text AS path FROM campaign c JOIN unit u ON u.id = c.unit_id WHERE c.id = ${id}`);
    return r.rows.map((x) => x.path);
  },
  // A round's place in the tree is the unit that launched it; who may read it is wider (see `deciders` in plugins/access.ts).
  round: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`SELECT u.path::text AS path FROM round r JOIN unit u ON u.id = r.unit_id WHERE r.id = ${id}`);
    return r.rows.map((x) => x.path);
  },
  // A file attached as evidence belongs to its report or task instance, so to that one's unit: the
  // unit and the levels above see it, a sibling does not, whatever id it sends.
  attachment: async (db, id) => {
    const r = await db.execute<{ path: TreePath }>(sql`
      SELECT coalesce(oi.unit_path, u.path)::text AS path FROM attachment a
      LEFT JOIN obligation_instance oi ON oi.id = a.obligation_instance_id AND oi.status <> 'cancelled'
      LEFT JOIN task_instance ti ON ti.id = a.task_instance_id
      LEFT JOIN unit u ON u.id = ti.unit_id
      WHERE a.id = ${id} AND coalesce(oi.unit_path, u.path) IS NOT NULL`);
    return r.rows.map((x) => x.path);
  },
  // A user is within reach only when every unit they hold a grant on is within reach, so a cell
  // secretary can never act on an account that also holds rights higher up.
  user: async (db, id) => {
    const r = await db.execute<{ path: string; superuser: boolean }>(sql`
      SELECT u.path::text AS path, au.superuser FROM app_user au
      LEFT JOIN user_grant g ON g.user_id = au.id AND g.revoked_at IS NULL
      LEFT JOIN unit u ON u.id = g.unit_id
      WHERE au.id = ${id}`);
    if (r.rows.length === 0) return [];
    // A superuser or an account without grants sits above every tree: only superusers reach it.
    if (r.rows.some((x) => x.superuser) || r.rows.every((x) => x.path === null)) return ['__root__' as TreePath];
    return r.rows.filter((x) => x.path !== null).map((x) => x.path as TreePath);
  },
};
