/**
 * A worker's passes in the background: one at a time, the next `intervalMs` after one ends, or at
 * once when the pass says more work is waiting (it resolves `true`) or kick() was called meanwhile.
 * The timer never keeps the process alive; stop() waits for the pass in flight.
 */
export class BackgroundLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(
    private readonly pass: () => Promise<unknown>,
    private readonly intervalMs: number,
    /** A pass that threw; the loop goes on. */
    private readonly failed: (err: unknown) => void,
    /** Called after each pass of the loop, whatever its outcome. */
    private readonly passed: () => void = () => {},
  ) {}

  /** Starts the loop (idempotent), its first pass after `firstDelayMs`. */
  start(firstDelayMs = 0): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs a pass soon (something became due now): at once, or right after the pass in flight. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.pass()
        .catch((err: unknown) => {
          this.failed(err);
          return false;
        })
        .then((more) => {
          this.running = undefined;
          this.passed();
          const now = this.again || more === true;
          this.again = false;
          this.schedule(now ? 0 : this.intervalMs);
        });
    }, ms);
    this.timer.unref();
  }
}
