import { describe, expect, it } from 'vitest';
import { guardBody, TRICKLE_BYTES } from './body';
import { fileRef } from './failures';

/* A trickling host is a stalled host; a reader that takes its time is not. */

const f = fileRef('http://h/org/m/resolve/main/onnx/model.onnx');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A body of `chunks` chunks of `size` bytes, each after `gapMs`. */
function host(chunks: number, size: number, gapMs: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      await pause(gapMs);
      if (sent++ === chunks) controller.close();
      else controller.enqueue(new Uint8Array(size));
    },
  });
}

function guarded(body: ReadableStream<Uint8Array>, stallMs: number) {
  const stalls: string[] = [];
  const stream = guardBody(body, {
    file: f,
    limit: 1e9,
    stallMs,
    signal: new AbortController().signal,
    onStall: (e) => void stalls.push(e.message),
    onError: () => undefined,
  });
  return { stream, stalls };
}

async function drain(stream: ReadableStream<Uint8Array>, readerPauseMs = 0): Promise<number> {
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    if (readerPauseMs) await pause(readerPauseMs);
  }
}

describe('guardBody and a trickling host', () => {
  it('calls a host that sends a byte now and then, never silent for the limit, stalled', async () => {
    const { stream, stalls } = guarded(host(1000, 1, 10), 100);
    await expect(drain(stream)).rejects.toMatchObject({ kind: 'stalled', message: expect.stringMatching(/^http:\/\/h is sending onnx\/model\.onnx of “org\/m” too slowly to ever finish: \d+ bytes in 1 second\. Retry/) });
    expect(stalls).toHaveLength(1);
  });

  it('lets a host that sends enough per limit finish, and does not count the time the reader spends elsewhere', async () => {
    // Limits far above the host's gaps: a busy machine delays timers by tens of milliseconds, and that must not read as a stall.
    expect(await drain(guarded(host(20, TRICKLE_BYTES, 10), 2000).stream)).toBe(20 * TRICKLE_BYTES);
    expect(await drain(guarded(host(4, 1, 0), 500).stream, 700)).toBe(4);
  });
});
