/**
 * A bounded concurrent HTTP load loop (autocannon is not a dependency of the project): N clients,
 * each with its own keep-alive connection, send one request after another for a fixed time or
 * until their work runs out. Latency is measured from sending the request to reading the whole
 * answer.
 */
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  cookie: string;
  body?: unknown;
}

export interface LoadClient {
  /** The next request of this client, or null when it has no more work. */
  next(): LoadRequest | null;
}

export interface LoadResult {
  seconds: number;
  /** Answers with a 2xx status. */
  ok: number;
  /** Other answers and failed connections, by status (0: connection error). */
  errors: Record<number, number>;
  throughput: number;
  /** Latency percentiles of the 2xx answers, in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  /** True when every client ran out of work before the time was up. */
  exhausted: boolean;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

function send(agent: http.Agent, port: number, r: LoadRequest): Promise<number> {
  return new Promise((resolve) => {
    const payload = r.body === undefined ? undefined : Buffer.from(JSON.stringify(r.body));
    const req = http.request(
      {
        host: '127.0.0.1', port, method: r.method, path: r.path, agent,
        headers: {
          cookie: r.cookie,
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

/**
 * Runs `clients` concurrently against 127.0.0.1:`port` for `seconds` (each client stops early when
 * its work runs out). `onSample` is called every 100 ms while the run lasts (memory sampling).
 */
export async function runLoad(port: number, clients: readonly LoadClient[], seconds: number, onSample?: () => void): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients.length + 1 });
  const latencies: number[] = [];
  const errors: Record<number, number> = {};
  let ok = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  const timer = onSample ? setInterval(onSample, 100) : null;
  let finishedEarly = 0;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < deadline) {
        const r = c.next();
        if (!r) {
          finishedEarly++;
          return;
        }
        const s = performance.now();
        const status = await send(agent, port, r);
        if (status >= 200 && status < 300) {
          ok++;
          latencies.push(performance.now() - s);
        } else {
          errors[status] = (errors[status] ?? 0) + 1;
        }
      }
    }),
  );
  if (timer) clearInterval(timer);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    seconds: elapsed, ok, errors, throughput: ok / elapsed,
    p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), exhausted: finishedEarly === clients.length,
  };
}
