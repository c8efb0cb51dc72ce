/**
 * Keeps at most one run in flight and one waiting; a newer submit replaces the waiting one.
 * An answer that is no longer the latest submitted input is dropped, never shown.
 */
export class LatestRunner<T, R> {
  private inFlight = false;
  private waiting: { input: T; seq: number } | undefined;
  private seq = 0;

  constructor(
    private readonly execute: (input: T) => Promise<R>,
    private readonly deliver: (result: R, input: T) => void,
    private readonly fail: (error: unknown, input: T) => void,
  ) {}

  submit(input: T): void {
    this.waiting = { input, seq: ++this.seq };
    if (!this.inFlight) void this.pump();
  }

  /** Forget whatever is waiting or in flight: their answers will be dropped. */
  reset(): void {
    this.waiting = undefined;
    this.seq++;
  }

  get busy(): boolean {
    return this.inFlight;
  }

  /** A newer input waits behind the one in flight. */
  get hasWaiting(): boolean {
    return this.waiting !== undefined;
  }

  private async pump(): Promise<void> {
    while (this.waiting) {
      const { input, seq } = this.waiting;
      this.waiting = undefined;
      this.inFlight = true;
      try {
        const result = await this.execute(input);
        if (seq === this.seq) this.deliver(result, input);
      } catch (error) {
        if (seq === this.seq) this.fail(error, input);
      } finally {
        this.inFlight = false;
      }
    }
  }
}
