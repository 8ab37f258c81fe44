/** Thrown by a probe when the awaited state can no longer come (e.g. the process exited): rethrown at once. */
export class Unreachable extends Error {}

/**
 * Polls `probe` until it yields a value other than `undefined`/`false` (returned), or throws once
 * `timeout` ms have passed with the last value and error in the message. Bounded waits for
 * conditions, in place of fixed sleeps; the timeout is a ceiling, never a performance claim.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  { timeout = 10_000, interval = 25, what = 'condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (err) {
      if (err instanceof Unreachable) throw err;
      last = err;
    }
    if (Date.now() >= deadline)
      throw new Error(`${what} not reached within ${timeout} ms (last: ${last instanceof Error ? last.message : String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
