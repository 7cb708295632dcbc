/**
 * The benchmark still works: `npm run bench -- --scale small` builds the small organisation, runs
 * every measurement end to end and prints one well-formed line per figure. Only the shape of the
 * output and the size of the generated data are checked, never a time.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_LINE } from '../../bench/report.ts';
import { findPostgresBin } from '../support/targets.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('npm run bench -- --scale small', () => {
  it('prints name, value, unit, target, ratio and verdict for every figure on each database', () => {
    const run = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/main.ts', '--scale', 'small', '--db', 'both'], {
      cwd: ROOT, encoding: 'utf8', timeout: 280_000, env: { ...process.env, NODE_ENV: 'production' },
    });
    expect(run.status, run.stderr.slice(-3000)).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(line).toMatch(FIGURE_LINE);

    const figures = lines.map((l) => {
      const m = FIGURE_LINE.exec(l)!;
      return { where: m[1]!, name: m[2]!, value: Number(m[3]), unit: m[4]!, target: m[5]!, ratio: m[6]!, verdict: m[7]! };
    });
    for (const f of figures) expect(Number.isFinite(f.value), f.name).toBe(true);
    const dbs = findPostgresBin() || process.env.CI === 'true' ? ['pglite', 'postgres'] : ['pglite'];
    for (const db of dbs) {
      const names = figures.filter((f) => f.where === db).map((f) => f.name);
      expect(new Set(names).size, `${db}: each figure once`).toBe(names.length);
      for (const expected of [
        /^publish one plan to every grassroots organisation and cell \(\d+ instances\)$/,
        /^progress roll-up p95, root$/, /^progress roll-up p95, province$/, /^progress roll-up p95, grassroots$/,
        /^naive roll-up query at the root/, /^unit search "dang uy khoi" p95$/,
        /^server RSS while serving the dashboard, peak$/, /^bare route with the same auth, 64 clients, throughput$/,
        /^submit a report, 64 clients, throughput$/, /^submit a report, 64 clients, p99$/,
      ]) {
        expect(names.some((n) => expected.test(n)), `${db}: ${expected}`).toBe(true);
      }
      // Ratio targets carry their ratio; the others none.
      const naive = figures.find((f) => f.where === db && f.name.startsWith('naive roll-up'))!;
      expect(naive.ratio).toMatch(/×$/);
      expect(figures.find((f) => f.where === db && f.name === 'submit a report, 64 clients, throughput')!.ratio).toMatch(/%$/);
      expect(figures.find((f) => f.where === db && f.name === 'progress roll-up p95, root')!.ratio).toBe('—');
      // The seeded generator builds the same small organisation every time, and every report is accepted by the server.
      expect(names).toContain('data: 69 units, 257 members, 580 instances of 10 plans, 259 submissions; generated in');
      expect(figures.find((f) => f.where === db && f.name === 'submit a report, failed requests')!.value).toBe(0);
    }
    expect(figures.some((f) => f.where === 'all' && f.name === 'extract a 25 KB plan, median')).toBe(true);
    // The hostile uploads are measured once, on the embedded database's server.
    for (const name of ['hostile uploads, three at once of each kind: server RSS, peak', 'hostile uploads, three at once of each kind: /api/health, slowest answer']) {
      expect(figures.filter((f) => f.name === name).map((f) => f.where), name).toEqual(['pglite']);
    }
  }, 300_000);
});
