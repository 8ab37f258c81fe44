/** A bounded closed-loop load generator for loopback tests: `concurrency` workers until the deadline. */

export interface Sample {
  status: number; // 0: no answer (see `failure`)
  ms: number;
  failure?: 'timeout' | 'network';
}

export interface LoadStats {
  requests: number;
  byStatus: Record<string, number>;
  networkErrors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

export function summarise(samples: Sample[], durationMs: number): LoadStats {
  const byStatus: Record<string, number> = {};
  for (const s of samples) byStatus[String(s.status)] = (byStatus[String(s.status)] ?? 0) + 1;
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    requests: samples.length,
    byStatus,
    networkErrors: byStatus['0'] ?? 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: Math.round((sorted.at(-1) ?? 0) * 10) / 10,
    rps: Math.round((samples.length / durationMs) * 1000),
  };
}

export interface TimedResponse {
  status: number;
  ms: number;
  body: unknown;
  /** With status 0: the client gave up at its timeout, or the connection failed. */
  failure?: 'timeout' | 'network';
}

/** One request with a hard client-side timeout; a timeout or a network error comes back as status 0. */
export async function timedFetch(url: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<TimedResponse> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, ms: performance.now() - started, body };
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { status: 0, ms: performance.now() - started, body: undefined, failure: timedOut ? 'timeout' : 'network' };
  }
}

/**
 * How long a closed loop runs: a number of answers (tests: the same work however busy the machine
 * is), until a condition holds, or for a duration in ms (the soak and the benchmark measure time).
 */
export type LoadBound = { requests: number } | { until: () => boolean } | { ms: number };

/**
 * Runs `step` in `concurrency` parallel loops until `bound` is reached; stops by itself. Answers go
 * to `samples` as they come (the caller can watch them while the load runs).
 */
export async function runClosedLoop(
  concurrency: number,
  bound: LoadBound,
  step: (worker: number, iteration: number) => Promise<Sample>,
  samples: Sample[] = [],
): Promise<Sample[]> {
  const deadline = 'ms' in bound ? Date.now() + bound.ms : Infinity;
  let started = 0;
  const more = () => ('requests' in bound ? started++ < bound.requests : 'until' in bound ? !bound.until() : Date.now() < deadline);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; more(); i++) samples.push(await step(worker, i));
    }),
  );
  return samples;
}
