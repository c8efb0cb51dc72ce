
/** The numbers of a GPT-2 config.json that shape the graph. */
export interface Gpt2Config {
  vocabSize: number;
  /** n_embd */
  hiddenSize: number;
  /** n_layer */
  numLayers: number;
  /** n_head */
  numHeads: number;
  /** n_inner (GPT-2 uses 4 × n_embd when it is null) */
  innerSize: number;
  /** n_positions: the context window. */
  maxPositions: number;
  /** layer_norm_epsilon */
  layerNormEps: number;
}

/** Hugging Face names of one block's tensors (GPT2LMHeadModel.transformer.h.<i>). */
export function gpt2LayerNames(layer: number) {
  const p = `transformer.h.${layer}`;
  return {
    ln1: `${p}.ln_1`,
    attn: `${p}.attn.c_attn`,
    attnProj: `${p}.attn.c_proj`,
    ln2: `${p}.ln_2`,
    fc: `${p}.mlp.c_fc`,
    proj: `${p}.mlp.c_proj`,
  };
}

export const GPT2_NAMES = {
  wte: 'transformer.wte.weight',
  wpe: 'transformer.wpe.weight',
  lnF: 'transformer.ln_f',
  lmHead: 'lm_head.weight',
} as const;

/**
 * Every tensor of GPT2LMHeadModel with its shape. GPT-2's Conv1D stores its
 * weight as [in, out] (the transpose of nn.Linear); lm_head is an nn.Linear,
 * [vocab, hidden], tied to wte in the released checkpoints.
 */
export function gpt2WeightShapes(c: Gpt2Config): [string, number[]][] {
  const h = c.hiddenSize;
  const shapes: [string, number[]][] = [
    [GPT2_NAMES.wte, [c.vocabSize, h]],
    [GPT2_NAMES.wpe, [c.maxPositions, h]],
  ];
  for (let i = 0; i < c.numLayers; i++) {
    const n = gpt2LayerNames(i);
    shapes.push(
      [`${n.ln1}.weight`, [h]],
      [`${n.ln1}.bias`, [h]],
      [`${n.attn}.weight`, [h, 3 * h]],
      [`${n.attn}.bias`, [3 * h]],
      [`${n.attnProj}.weight`, [h, h]],
      [`${n.attnProj}.bias`, [h]],
      [`${n.ln2}.weight`, [h]],
      [`${n.ln2}.bias`, [h]],
      [`${n.fc}.weight`, [h, c.innerSize]],
      [`${n.fc}.bias`, [c.innerSize]],
      [`${n.proj}.weight`, [c.innerSize, h]],
      [`${n.proj}.bias`, [h]],
    );
  }
  shapes.push([`${GPT2_NAMES.lnF}.weight`, [h]], [`${GPT2_NAMES.lnF}.bias`, [h]], [GPT2_NAMES.lmHead, [c.vocabSize, h]]);
  return shapes;
}

/** Zero weights of the right shapes, LayerNorm scales set to 1: a model that changes nothing, to write features into. */
export function blankGpt2Weights(c: Gpt2Config): Record<string, Float32Array> {
  const weights: Record<string, Float32Array> = {};
  for (const [name, dims] of gpt2WeightShapes(c)) {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    if (/\.ln_(1|2|f)\.weight$/.test(name)) data.fill(1);
    weights[name] = data;
  }
  return weights;
}
