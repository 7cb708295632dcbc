import pg from 'pg';

/**
 * A node-postgres client that keeps the statements the server runs again and again prepared on its
 * connection: PostgreSQL parses and plans such a statement once per connection instead of on every
 * execution (most of the database's work in a short request such as reading a session or saving a
 * report; docs/decisions/007). Drizzle sends every statement as text with parameters and no name;
 * this client names a statement from the second time the process sees its text.
 *
 * Bounded on both sides: a connection prepares at most 500 statements (the rest run unnamed, as
 * before), the texts seen once are forgotten when there are 10,000 of them, and no more than 10,000
 * texts are ever named. Only statements with parameters are named: they already use the extended
 * protocol, so naming them cannot change how a multi-statement script runs.
 */

/** Decides which statement texts are prepared, and under which names. */
export interface Namer {
  /** The name to prepare `text` under on a connection that has `prepared`, or undefined to run it unnamed. */
  nameFor(text: string, prepared: ReadonlySet<string>): string | undefined;
}

export function createNamer({ perConnection, seenLimit }: { perConnection: number; seenLimit: number }): Namer {
  const seen = new Set<string>();
  const names = new Map<string, string>();
  let next = 0;
  return {
    nameFor(text, prepared) {
      const known = names.get(text);
      if (known !== undefined) return prepared.has(known) || prepared.size < perConnection ? known : undefined;
      if (!seen.has(text)) {
        if (seen.size >= seenLimit) seen.clear();
        seen.add(text);
        return undefined;
      }
      seen.delete(text);
      if (names.size >= seenLimit) return undefined;
      const name = `tk${(next++).toString(36)}`;
      names.set(text, name);
      return prepared.size < perConnection ? name : undefined;
    },
  };
}

const namer = createNamer({ perConnection: 500, seenLimit: 10_000 });

interface QueryConfigLike {
  text?: unknown;
  name?: unknown;
  submit?: unknown;
}

export class PreparingClient extends pg.Client {
  /** The names prepared on this client's connection. */
  readonly prepared = new Set<string>();
}

const plainQuery = pg.Client.prototype.query;
// NOTE: pg.Client#query has a dozen overloads; the override only adds a name to a config object
// and passes every argument through unchanged, so it is typed loosely and cast back.
PreparingClient.prototype.query = function query(this: PreparingClient, config: unknown, values?: unknown, callback?: unknown) {
  const c = config as QueryConfigLike | null;
  if (c && typeof c === 'object' && typeof c.text === 'string' && c.name === undefined && typeof c.submit !== 'function'
      && Array.isArray(values) && values.length > 0) {
    const name = namer.nameFor(c.text, this.prepared);
    if (name !== undefined) {
      this.prepared.add(name);
      config = { ...c, name };
    }
  }
  return (plainQuery as (...args: unknown[]) => unknown).call(this, config, values, callback);
} as typeof pg.Client.prototype.query;
