/**
 * Uploads built to hurt a reader, three at once of each kind, against the server in its own
 * process: a .docx whose document.xml inflates to 400 MB, one whose 7.5 MB of XML stays within every
 * bound of the archive (so that the reader's thread meets its memory limit), a PDF of 20,000 pages
 * sharing one content stream, one whose page content inflates to 400 MB, one of 500 full pages (the
 * page limit; the text limit stops it), a member list of a million rows; then the heaviest .docx,
 * PDF and list at once. Meanwhile /api/health is asked again and
 * again and the server's RSS is sampled: the figures are the peak RSS and the slowest health answer.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { docxBomb, docxOf, pdfOfPages, pdfStreamBomb, xlsxOfRows } from '../tests/support/hostile-files.ts';

export interface HostileRun {
  /** The highest VmRSS of the server while the files were read, in MB. */
  peakRssMb: number;
  /** The slowest answer of /api/health meanwhile, in milliseconds. */
  maxHealthMs: number;
  healthChecks: number;
  /** Answers by round: status and code, counted. */
  answers: Record<string, Record<string, number>>;
}

interface Upload {
  path: string;
  fileName: string;
  type: string;
  bytes: Buffer;
  fields?: Record<string, string>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function request(port: number, agent: http.Agent | undefined, opts: { method: string; path: string; cookie?: string; body?: Buffer; type?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1', port, method: opts.method, path: opts.path, agent,
        headers: {
          accept: 'application/json',
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(opts.body ? { 'content-type': opts.type, 'content-length': opts.body.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, body: '' }));
      },
    );
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(opts.body);
  });
}

let boundary = 0;
function upload(port: number, cookie: string, u: Upload): Promise<string> {
  const b = `----tkbench${boundary++}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(u.fields ?? {})) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${u.fileName}"\r\nContent-Type: ${u.type}\r\n\r\n`), u.bytes, Buffer.from(`\r\n--${b}--\r\n`));
  return request(port, undefined, { method: 'POST', path: u.path, cookie, body: Buffer.concat(parts), type: `multipart/form-data; boundary=${b}` }).then((r) => {
    let code: string;
    try {
      code = (JSON.parse(r.body) as { error?: { code?: string } }).error?.code ?? '';
    } catch {
      code = 'not JSON';
    }
    return `${r.status}${code ? ` ${code}` : ''}`;
  });
}

/**
 * A .docx of about `mb` megabytes of document.xml in lines that differ (numbered tasks and dates),
 * so that it compresses about as well as a real document: within the archive's bounds, heavy for
 * the parser.
 */
function docxWithinBounds(mb: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 2 ** 20; i++) {
    const line = `${i}. Nhiệm vụ ${(i * 7919) % 100_003}: hoàn thành trước ngày ${(i % 28) + 1}/${(i % 12) + 1}/${2022 + (i % 5)}, báo cáo kết quả về Ban Thường vụ (mã ${((i * 2654435761) >>> 0).toString(36)}).`;
    lines.push(line);
    // Each line is a paragraph: some 70 bytes of markup around its text.
    size += Buffer.byteLength(line) + 70;
  }
  return docxOf(lines.join('\n'));
}

/**
 * Runs the rounds against the server on `port` (process `pid`), as `cookie`, a user who may import
 * documents and members of `unitId`. Member lists are sent with mode=check: nothing is stored.
 */
export async function measureHostileFiles(port: number, pid: number, cookie: string, unitId: string, log: (line: string) => void): Promise<HostileRun> {
  const doc = (fileName: string, bytes: Buffer): Upload => ({ path: '/api/documents/import', fileName, type: 'application/octet-stream', bytes, fields: { unitId } });
  const list = (bytes: Buffer): Upload => ({ path: `/api/units/${unitId}/members/import?mode=check`, fileName: 'danh-sach.xlsx', type: XLSX_TYPE, bytes });
  const bomb = doc('ke-hoach.docx', docxBomb(400));
  const heavy = doc('van-kien.docx', docxWithinBounds(7.5));
  const pages = doc('ke-hoach.pdf', pdfOfPages(20_000));
  const inflating = doc('ke-hoach.pdf', pdfStreamBomb(400));
  const full = doc('van-kien.pdf', pdfOfPages(500, 60));
  const rows = list(await xlsxOfRows(1_000_000));
  const rounds: [string, Upload[]][] = [
    ['.docx inflating to 400 MB ×3', [bomb, bomb, bomb]],
    ['.docx of 7.5 MB of XML within the bounds ×3', [heavy, heavy, heavy]],
    ['PDF of 20,000 pages ×3', [pages, pages, pages]],
    ['PDF whose page inflates to 400 MB ×3', [inflating, inflating, inflating]],
    ['PDF of 500 full pages ×3', [full, full, full]],
    ['.xlsx of 1,000,000 rows ×3', [rows, rows, rows]],
    ['the heaviest of each kind at once', [heavy, full, rows]],
  ];

  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 50);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let maxHealthMs = 0;
  let healthChecks = 0;
  let reading = true;
  const health = (async () => {
    while (reading) {
      const s = performance.now();
      const r = await request(port, agent, { method: 'GET', path: '/api/health' });
      const ms = performance.now() - s;
      if (r.status !== 200) log(`hostile files: /api/health answered ${r.status}`);
      maxHealthMs = Math.max(maxHealthMs, ms);
      healthChecks++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const answers: HostileRun['answers'] = {};
  try {
    for (const [name, uploads] of rounds) {
      const s = performance.now();
      const out = await Promise.all(uploads.map((u) => upload(port, cookie, u)));
      const counted: Record<string, number> = {};
      for (const a of out) counted[a] = (counted[a] ?? 0) + 1;
      answers[name] = counted;
      log(`hostile files: ${name}: ${Object.entries(counted).map(([a, n]) => `${n} × ${a}`).join(', ')} in ${((performance.now() - s) / 1000).toFixed(1)} s; RSS peak so far ${peak.toFixed(0)} MB, slowest health ${maxHealthMs.toFixed(0)} ms`);
    }
  } finally {
    reading = false;
    await health;
    clearInterval(sampler);
    agent.destroy();
  }
  return { peakRssMb: Math.max(peak, rssMb(pid)), maxHealthMs, healthChecks, answers };
}
