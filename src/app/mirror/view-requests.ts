import { Lane, type InferenceClient, type Progress, type RunResult } from '@/engine/client';
import type { InspectInfo, LoadedInfo, ModelSpec } from '@/engine/protocol';

/** A call on its way: its answer, and how to drop it. */
export interface ViewCall<R> {
  promise: Promise<R>;
  cancel(): void;
}

/**
 * What a view asks of the worker. Each kind has its own lane, as the controller's hat requests do:
 * a newer load or run cancels the older one, so a slow answer for an old text never lands.
 */
export interface ViewRequests {
  /** What a load would fetch (sizes, cached or not), before anything big is downloaded. */
  inspect(spec: ModelSpec): ViewCall<InspectInfo>;
  load(spec: ModelSpec, onProgress: (p: Progress) => void): ViewCall<LoadedInfo>;
  run(spec: ModelSpec, params: unknown): ViewCall<RunResult>;
  call(spec: ModelSpec, payload: unknown, onPartial: (partial: unknown) => void): ViewCall<RunResult>;
}

export function createViewRequests(client: InferenceClient): ViewRequests {
  const [loads, runs, calls] = [new Lane(client), new Lane(client), new Lane(client)];
  const cancelIn = (lane: Lane) => () => lane.drop();
  return {
    inspect: (spec) => ({ promise: loads.send((c) => c.inspect(spec)).promise, cancel: cancelIn(loads) }),
    load: (spec, onProgress) => ({ promise: loads.send((c) => c.load(spec, { onProgress })).promise, cancel: cancelIn(loads) }),
    run: (spec, params) => ({ promise: runs.send((c) => c.run(spec, params)).promise, cancel: cancelIn(runs) }),
    call: (spec, payload, onPartial) => ({ promise: calls.send((c) => c.call(spec, payload, { onPartial })).promise, cancel: cancelIn(calls) }),
  };
}
