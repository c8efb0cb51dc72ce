import { BATCH, SEQUENCE, type BertHead } from '../../lib/onnx';

/*
 * No head at all (BertModel / DistilBertModel): the graph's output is the encoder's last hidden
 * state, one vector per token, named as transformers.js' AutoModel expects it.
 */
export const baseHead: BertHead<'last_hidden_state'> = {
  name: 'base',
  shapes: () => [],
  outputs: (c) => [{ name: 'last_hidden_state', dims: [BATCH, SEQUENCE, c.hiddenSize] }],
  build: (_ctx, _c, hidden) => [hidden],
  reference: (_ops, _c, xs) => [xs.flat()],
};
