import { defineSeam, type AppendingKey, type HatSeam, type ParamsCodec } from '../hat-seam';
import { readInsideRequest, type InsideAnswer, type InsideRequest } from './types';

/**
 * The seam of a hat with an Inside panel: its own params and output, and Inside as its call.
 * A look's params are checked like a run's before the adapter sees them. `appends`: see HatSeam.
 */
export function insideSeam<P, O>(codec: ParamsCodec<P>, appends?: readonly AppendingKey<O>[]): HatSeam<P, O, InsideRequest<P>, InsideAnswer> {
  const plain = defineSeam<P, O>(codec);
  return defineSeam<P, O, InsideRequest<P>, InsideAnswer>(codec, (raw) => {
    const request = readInsideRequest(raw);
    return request.kind === 'look' ? { ...request, params: plain.params(request.params) } : request;
  }, appends);
}
