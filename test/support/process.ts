import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cpuTicks, listeningPort, rssBytes, spawnNode, waitUntilReady } from '../../support/node-process.js';

export interface CrmsProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  output: () => string;
  /** The JSON log lines the process wrote (pino), parsed. */
  logLines(): Record<string, unknown>[];
  /** Resident set size of the process, in bytes (from /proc). */
  rss(): number;
  /** CPU time (user + system) of the process, in seconds (from /proc). */
  cpuSeconds(): number;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies mid-flight. */
  kill(): Promise<void>;
}

/**
 * Starts the production build (`dist/src/server.js`) as its own process and waits for /health. The
 * process binds a port of its own choosing (PORT=0) and reports it over IPC: a port picked here and
 * released before the process binds it can be taken meanwhile by any other process on the machine,
 * whose answers would then pass for this one's.
 */
export async function startCrmsProcess(env: Record<string, string>): Promise<CrmsProcess> {
  const proc = spawnNode({
    args: [join(process.cwd(), 'dist', 'src', 'server.js')],
    env: { HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const { child, pid } = proc;
  let output = '';
  const lines: string[] = [];
  // the log is written in batches, so a chunk may end inside a line: keep the rest for the next one
  let partial = '';
  const collect = (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) if (line.startsWith('{')) lines.push(line);
    if (lines.length > 200_000) lines.splice(0, lines.length - 200_000);
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    collect(chunk);
    output = (output + chunk.toString()).slice(-20000);
  });
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000)));
  const port = await listeningPort(proc, { timeoutMs: 30_000, name: 'CRMS', detail: () => `: ${output}` });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(proc, `${url}/health`, { timeoutMs: 30_000, name: 'CRMS', detail: () => `: ${output}` });
  return {
    url,
    pid,
    child,
    output: () => output,
    logLines: () =>
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    rss: () => rssBytes(pid),
    cpuSeconds: () => cpuTicks(pid) / 100,
    stop: () => proc.stop(),
    kill: () => proc.kill(),
  };
}
