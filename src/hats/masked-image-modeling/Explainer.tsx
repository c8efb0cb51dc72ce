import type { ExplainerProps } from '@/hats/types';
import { ExplainerLayout } from '@/components/ExplainerLayout';
import { MimWeights } from './MimWeights';
import type { MimOutput } from './output';
import type { MimParams } from './params';
import { jsSnippet, pythonSnippet } from './snippets';

/** PIL's resampling filters by the number image processors store (Image.Resampling). */
const PIL_FILTERS = ['nearest', 'Lanczos', 'bilinear', 'bicubic', 'box', 'Hamming'];

export default function Explainer({ params, output, modelId, dtype }: ExplainerProps<MimParams, MimOutput>) {
  const m = output?.model;
  const layers = (n: number | undefined, fallback: string) => (n === undefined ? fallback : `${n} ${n === 1 ? 'layer' : 'layers'}`);
  const n = m ? m.grid * m.grid : 'N';
  const kept = output ? (m!.grid * m!.grid - output.hidden.length).toString() : 'the visible';
  const pct = output && m ? Math.round(((m.grid * m.grid - output.hidden.length) / (m.grid * m.grid)) * 100) : 25;
  return (
    <ExplainerLayout
      head={
        <>
          <p>
            The picture ({m ? `${m.imageSize} × ${m.imageSize}` : 'image_size²'}) is cut into {m ? `${m.grid} × ${m.grid} = ${n}` : 'N'} patches of{' '}
            {m ? `${m.patchSize} × ${m.patchSize}` : 'patch_size²'} pixels. Each patch becomes a vector of width {m?.hiddenSize ?? 'hidden_size'} (a linear map of its{' '}
            {m ? m.patchSize * m.patchSize * 3 : 'p·p·3'} values plus a fixed sin-cos position), and the patches are shuffled by random noise: only the first {kept}{' '}
            ({pct}%) go into the encoder, behind one learned <code>[CLS]</code> token that is not a patch: {layers(m?.numLayers, 'its ViT layers')} with{' '}
            {m?.numHeads ?? 'several'} attention heads read {m ? `${kept} + 1` : 'the kept patches + 1'} tokens. The encoder never sees the hidden patches at all, not
            even as blanks.
          </p>
          <p className="mt-1">
            The decoder ({layers(m?.decoderLayers, 'a few layers')} of width {m?.decoderHiddenSize ?? 'decoder_hidden_size'}) gets the encoded patches back in place, a
            shared learned <code>mask_token</code> in every hidden place, and positions again. <code>decoder_pred</code> turns each token into{' '}
            {m ? m.patchSize * m.patchSize * 3 : 'p·p·3'} pixel values: <code>logits [1, {n}, {m ? m.patchSize * m.patchSize * 3 : 'p·p·3'}]</code>. The reconstruction
            keeps the visible patches and pastes the predicted ones into the hidden places.
            {m?.normPixLoss && ' This checkpoint predicts each patch normalised by its own mean and variance (norm_pix_loss), so the page scales it back with the original patch’s statistics, as Hugging Face’s demo does.'}
          </p>
          <MimWeights provenance={output?.provenance} />
        </>
      }
      training={
        <p>
          He et al. (2021) trained MAE on ImageNet-1k without labels: hide {m ? Math.round(m.trainedMaskRatio * 100) : 75}% of the patches at random, encode the
          rest, and lower the mean squared error between the predicted and the true pixels of the hidden patches only. Hiding that much makes the task hard
          enough that the encoder has to learn what objects look like; skipping the hidden patches in the encoder makes training about three times faster. The
          decoder is thrown away afterwards and the encoder fine-tuned for a task, e.g. image classification.
        </p>
      }
      when={
        <p>
          Pick it to see what a vision model learns before any labels, or to judge how much of a picture is predictable from its surroundings. Blurry
          reconstructions are expected: the loss rewards the average of all plausible patches. For labels or features, fine-tune the encoder for your task
          (in Python: ViTForImageClassification from this checkpoint); this hat shows the pretraining task itself. (Transformers&apos; AutoModelForMaskedImageModeling is the SimMIM-style sibling, for ViT or Swin checkpoints
          that predict pixels from a mask embedding in place; MAE checkpoints load with ViTMAEForPreTraining, as here.)
        </p>
      }
      note={`transformers.js has no ViTMAEForPreTraining class and the MAE checkpoints have no ONNX export with their decoder, so the page reads ${modelId}'s own model.safetensors, builds encoder and decoder as an ONNX graph and runs it (${dtype ?? 'q8'}). Images stay in this browser. Python resizes with PIL's ${PIL_FILTERS[m?.resample ?? 2] ?? `filter ${m?.resample}`} filter (the checkpoint's preprocessor_config.json: resample ${m?.resample ?? 2}), the page with a box filter when it shrinks a picture and bilinear when it enlarges one, so pixels may differ a little when a picture is resized.`}
      python={pythonSnippet(modelId, params, output)}
      javascript={jsSnippet()}
    />
  );
}
