/**
 * The personal-plans benchmark still works: `npm run bench:personal-plans -- --scale small --db pglite`
 * builds the small organisation, launches a round over every member through the API, enters and
 * reviews plans, times the coverage views and recounts the root's figures, printing one well-formed
 * line per figure. Only the shape of the output and the counts are checked, never a time.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_LINE } from '../../bench/report.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('npm run bench:personal-plans -- --scale small --db pglite', () => {
  it('launches a round, acts on plans and prints every figure, the root counters equal to a recount', () => {
    const run = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/personal-plans.ts', '--scale', 'small', '--db', 'pglite'], {
      cwd: ROOT, encoding: 'utf8', timeout: 280_000, env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    for (const line of lines) expect(line).toMatch(FIGURE_LINE);
    const figures = lines.map((l) => {
      const m = FIGURE_LINE.exec(l)!;
      return { where: m[1]!, name: m[2]!, value: Number(m[3]), unit: m[4]!, target: m[5]!, verdict: m[7]! };
    });
    expect(figures.every((f) => f.where === 'pglite')).toBe(true);
    for (const f of figures) expect(Number.isFinite(f.value), f.name).toBe(true);
    const names = figures.map((f) => f.name);
    expect(new Set(names).size, 'each figure once').toBe(names.length);
    for (const expected of [
      /^data: 69 units, 32 cells, 257 members, one published plan; generated in$/,
      /^launch a round at the root over every member \(257 asked\)$/,
      /^activity: \d+ requests \(\d+ submissions, \d+ returns, \d+ confirmations in \d+ cells\), 8 secretaries at once, throughput$/,
      /^round coverage at the root, p95$/, /^round coverage at a province, p95$/, /^round coverage at a grassroots unit, p95$/,
      /^a cell's list of members \(\d+\), p95$/,
    ]) {
      expect(names.some((n) => expected.test(n)), String(expected)).toBe(true);
    }
    const value = (name: string) => figures.find((f) => f.name === name)!.value;
    // Every member listed once; every request of the activity accepted; the counters exact.
    expect(value("launch: members listed in the round's rosters")).toBe(257);
    expect(value('activity: failed requests')).toBe(0);
    expect(value('root counters against a recount of personal_plan, differences')).toBe(0);
    // The views carry the issue's target; the launch's target is PostgreSQL's.
    for (const f of figures.filter((x) => x.name.endsWith(', p95'))) expect(f.target).toBe('≤ 50 ms');
    // The root's figures are printed beside the recount, and the activity left some of each.
    const counters = /^# \[pglite\] root counters: (.*)$/m.exec(run.stdout)?.[1];
    const recount = /^# \[pglite\] recount: +(.*)$/m.exec(run.stdout)?.[1];
    expect(counters).toBe(recount);
    const n = (what: string) => Number(new RegExp(`${what} (\\d+)`).exec(counters ?? '')?.[1]);
    expect(n('must')).toBe(257);
    for (const what of ['submitted', 'confirmed', 'late', 'leaders', 'leadersRegistered']) expect(n(what), what).toBeGreaterThan(0);
    expect(n('submitted')).toBeLessThan(257);
    expect(n('confirmed')).toBeLessThan(n('submitted'));
  }, 300_000);
});
