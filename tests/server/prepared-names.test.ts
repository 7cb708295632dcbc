/** Which statements the PostgreSQL client prepares (src/server/db/prepared.ts), without a database. */
import { describe, expect, it } from 'vitest';
import { createNamer } from '#server/db/prepared.ts';

describe('naming statements to prepare', () => {
  it('names a text from its second execution, with one name per text', () => {
    const n = createNamer({ perConnection: 10, seenLimit: 100 });
    const conn = new Set<string>();
    expect(n.nameFor('SELECT $1', conn)).toBeUndefined();
    const name = n.nameFor('SELECT $1', conn);
    expect(name).toMatch(/^tk/);
    expect(n.nameFor('SELECT $1', conn)).toBe(name);
    expect(n.nameFor('SELECT $1', new Set())).toBe(name);
    n.nameFor('SELECT $2', conn);
    expect(n.nameFor('SELECT $2', conn)).not.toBe(name);
  });

  it('prepares no more than its limit on one connection, and keeps serving the ones it has', () => {
    const n = createNamer({ perConnection: 2, seenLimit: 100 });
    const conn = new Set<string>();
    for (const text of ['a $1', 'b $1', 'c $1']) {
      n.nameFor(text, conn);
      const name = n.nameFor(text, conn);
      if (name) conn.add(name);
    }
    expect(conn.size).toBe(2);
    expect(n.nameFor('c $1', conn)).toBeUndefined();
    expect(n.nameFor('a $1', conn)).toBeDefined();
    // Another connection with room prepares the third.
    expect(n.nameFor('c $1', new Set())).toBeDefined();
  });

  it('forgets texts seen once when too many pile up, and stops naming new texts at its limit', () => {
    const n = createNamer({ perConnection: 100, seenLimit: 3 });
    const conn = new Set<string>();
    n.nameFor('x $1', conn);
    for (const t of ['p $1', 'q $1', 'r $1']) n.nameFor(t, conn); // the fourth text clears the ones seen once
    expect(n.nameFor('x $1', conn)).toBeUndefined(); // seen once again, not twice
    for (const t of ['d $1', 'e $1', 'f $1']) {
      n.nameFor(t, conn);
      n.nameFor(t, conn);
    }
    n.nameFor('g $1', conn);
    expect(n.nameFor('g $1', conn)).toBeUndefined();
  });
});
