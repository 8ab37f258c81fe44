/**
 * Launching Node.js programs as child processes and reading them from /proc: shared by the tests
 * that run the production build (test/support/process.ts) and by the benchmark (bench/targets.ts).
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { Unreachable, eventually } from './eventually.js';

export interface NodeProcess {
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code once the process ended and its pipes are read. */
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** SIGKILL: the process dies mid-flight. */
  kill(): Promise<void>;
}

export interface NodeProcessOptions {
  /** The script and its arguments. */
  args: string[];
  /** The whole environment of the process (PATH is passed on unless given). */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  stdio?: StdioOptions;
  /** Sent to the process if this one exits first, so it never outlives its starter. */
  reapSignal?: NodeJS.Signals;
}

/** Starts `node args…` with this process's Node.js binary. */
export function spawnNode({ args, env, cwd, stdio = ['ignore', 'pipe', 'pipe'], reapSignal = 'SIGKILL' }: NodeProcessOptions): NodeProcess {
  const child = spawn(process.execPath, args, { ...(cwd ? { cwd } : {}), env: { PATH: process.env['PATH'] ?? '', ...env }, stdio });
  // 'close', not 'exit': by then everything the process wrote to its pipes has been read
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const reap = () => child.kill(reapSignal);
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  return {
    child,
    pid: child.pid ?? 0,
    exited,
    async stop(graceMs = Number.POSITIVE_INFINITY) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      if (Number.isFinite(graceMs)) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Polls `url` until `isReady` accepts an answer; throws (with `detail()`) when the process exits
 * first or `timeoutMs` passes, killing it in the latter case.
 */
export async function waitUntilReady(
  proc: NodeProcess,
  url: string,
  {
    timeoutMs,
    intervalMs = 100,
    isReady = (res) => res.ok,
    name = 'the process',
    detail = () => '',
  }: {
    timeoutMs: number;
    intervalMs?: number;
    isReady?: (res: Response) => boolean;
    name?: string;
    detail?: () => string;
  },
): Promise<void> {
  try {
    await eventually(
      async () => {
        if (proc.child.exitCode !== null) throw new Unreachable(`${name} exited with ${proc.child.exitCode}${detail()}`);
        // a refused connection (not listening yet) is another poll
        return isReady(await fetch(url));
      },
      { timeout: timeoutMs, interval: intervalMs, what: `${name} becoming ready` },
    );
  } catch (err) {
    if (err instanceof Unreachable) throw err;
    proc.child.kill('SIGKILL');
    throw new Error(`${name} did not become ready${detail()}`, { cause: err });
  }
}

/**
 * The port a process started with PORT=0 bound, from its `{ crms: 'listening', port }` message on the
 * IPC channel (spawn it with 'ipc' in `stdio`). Unlike a port chosen here, released and handed over,
 * no other process can hold it in between, so what answers there is this process.
 */
export async function listeningPort(
  proc: NodeProcess,
  { timeoutMs, name = 'the process', detail = () => '' }: { timeoutMs: number; name?: string; detail?: () => string },
): Promise<number> {
  let port: number | undefined;
  const onMessage = (message: unknown) => {
    const m = message as { crms?: unknown; port?: unknown } | null;
    if (m?.crms === 'listening' && typeof m.port === 'number') port = m.port;
  };
  proc.child.on('message', onMessage);
  try {
    return await eventually(
      () => {
        if (port === undefined && proc.child.exitCode !== null)
          throw new Unreachable(`${name} exited with ${proc.child.exitCode}${detail()}`);
        return port;
      },
      { timeout: timeoutMs, interval: 50, what: `${name} listening` },
    );
  } catch (err) {
    if (err instanceof Unreachable) throw err;
    proc.child.kill('SIGKILL');
    throw new Error(`${name} did not start listening${detail()}`, { cause: err });
  } finally {
    proc.child.off('message', onMessage);
  }
}

/** The pid's listening TCP sockets' local ports (from /proc: its socket inodes matched in /proc/net/tcp*). */
export function listeningPorts(pid: number): number[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? ''];
      } catch {
        return [];
      }
    }),
  );
  return ['tcp', 'tcp6'].flatMap((table) =>
    readFileSync(`/proc/net/${table}`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && inodes.has(fields[9] ?? ''))
      .map((fields) => parseInt(fields[1]?.split(':')[1] ?? '', 16)),
  );
}

/** CPU time (user + system) of a process in clock ticks (/proc/<pid>/stat fields 14 and 15). */
export function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/** Resident set size of a process, in bytes (/proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}
