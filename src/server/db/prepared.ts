import pg from 'pg';

/**
 * A node-postgres client that keeps the statements the server runs again and again prepared on its
 * connection: PostgreSQL parses and plans such a statement once per connection instead of on every
 * execution (most of the database's work in a short request such as reading a session or saving a
 * report; docs/decisions/007). Drizzle sends every statement as text with parameters and no name;
 * this client names a statement, by a hash of its text, from the second time the process sees it.
 *
 * Bounded on both sides: a connection prepares at most PER_CONNECTION statements (the rest run
 * unnamed, as before), the count of texts seen once is forgotten when it reaches SEEN_LIMIT, and no
 * more than SEEN_LIMIT texts are ever named. Only
 * statements with parameters are named: they already use the extended protocol, so naming them
 * cannot change how a multi-statement script runs.
 */

const PER_CONNECTION = 500;
const SEEN_LIMIT = 10_000;

const seen = new Map<string, number>();
const names = new Map<string, string>();
let nextName = 0;

/** The name to prepare `text` under, or undefined to run it unnamed this time. */
function nameFor(text: string, prepared: Set<string>): string | undefined {
  const known = names.get(text);
  if (known !== undefined) return prepared.has(known) || prepared.size < PER_CONNECTION ? known : undefined;
  const count = (seen.get(text) ?? 0) + 1;
  if (count < 2) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    seen.set(text, count);
    return undefined;
  }
  seen.delete(text);
  if (names.size >= SEEN_LIMIT) return undefined;
  const name = `tk${(nextName++).toString(36)}`;
  names.set(text, name);
  return prepared.size < PER_CONNECTION ? name : undefined;
}

interface QueryConfigLike {
  text?: unknown;
  name?: unknown;
  submit?: unknown;
}

const preparedOf = new WeakMap<pg.Client, Set<string>>();

export class PreparingClient extends pg.Client {}

const plainQuery = pg.Client.prototype.query;
// NOTE: pg.Client#query has a dozen overloads; the override only adds a name to a config object
// and passes every argument through unchanged, so it is typed loosely and cast back.
PreparingClient.prototype.query = function query(this: pg.Client, config: unknown, values?: unknown, callback?: unknown) {
  const c = config as QueryConfigLike | null;
  if (c && typeof c === 'object' && typeof c.text === 'string' && c.name === undefined && typeof c.submit !== 'function'
      && Array.isArray(values) && values.length > 0) {
    let prepared = preparedOf.get(this);
    if (!prepared) {
      prepared = new Set();
      preparedOf.set(this, prepared);
    }
    const name = nameFor(c.text, prepared);
    if (name !== undefined) {
      prepared.add(name);
      config = { ...c, name };
    }
  }
  return (plainQuery as (...args: unknown[]) => unknown).call(this, config, values, callback);
} as typeof pg.Client.prototype.query;
