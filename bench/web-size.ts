/**
 * The JavaScript a browser downloads for the first page, from the Vite build in dist/web: the
 * entry script of index.html with its preloaded and statically imported chunks, plus the chunk of
 * the page the user lands on (the sign-in page for a visitor, the organisation tree once signed in)
 * with its static imports. Sizes are gzip level 9, as a web server would send them.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const STATIC_IMPORT = /(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g;

function staticGraph(assets: string, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file) || !existsSync(join(assets, file))) continue;
    seen.add(file);
    const text = readFileSync(join(assets, file), 'utf8');
    for (const m of text.matchAll(STATIC_IMPORT)) stack.push(m[1]!);
  }
  return seen;
}

export interface FirstPageSize {
  /** Gzip bytes of the entry and what index.html preloads. */
  entry: number;
  /** Gzip bytes of the entry plus each landing page, by page. */
  pages: Record<string, number>;
  /** When the build was made (the figures describe that build). */
  builtAt: Date;
}

/** Measures the first page of the build in `dist`; null when there is no build. */
export function firstPageSize(dist: string): FirstPageSize | null {
  const index = join(dist, 'index.html');
  const assets = join(dist, 'assets');
  if (!existsSync(index) || !existsSync(assets)) return null;
  const html = readFileSync(index, 'utf8');
  const roots = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  const entry = staticGraph(assets, roots);
  const gz = (files: Iterable<string>) => [...files].reduce((s, f) => s + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  const files = readdirSync(assets);
  const pages: Record<string, number> = {};
  for (const page of ['LoginPage', 'TreePage']) {
    const chunk = files.find((f) => f.startsWith(`${page}-`) && f.endsWith('.js'));
    if (!chunk) continue;
    pages[page] = gz(new Set([...entry, ...staticGraph(assets, [chunk])]));
  }
  return { entry: gz(entry), pages, builtAt: statSync(index).mtime };
}
