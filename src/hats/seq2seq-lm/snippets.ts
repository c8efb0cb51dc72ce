import { jsDevice, jsOptions, literal, pythonSnippetFor } from '@/lib/snippets';
import { sourceText, type Seq2SeqParams } from './params';

/** The page's loop in PyTorch: the encoder once, then greedy decoder steps with a cache. */
export function pythonSnippet(modelId: string, p: Seq2SeqParams): string {
  return pythonSnippetFor(
    modelId,
    (header) => `import torch
from transformers import AutoTokenizer, AutoModelForSeq2SeqLM

${header}
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForSeq2SeqLM.from_pretrained(model_id).eval()

source = ${literal(sourceText(p))}
inputs = tokenizer(source, return_tensors="pt", truncation=True, max_length=512)
with torch.no_grad():
    encoded = model.get_encoder()(**inputs)           # the encoder reads everything, once
    ids = torch.tensor([[model.config.decoder_start_token_id]])
    past = None
    for step in range(${p.max_new_tokens}):
        out = model(encoder_outputs=encoded, attention_mask=inputs.attention_mask,
                    decoder_input_ids=ids[:, -1:] if past is not None else ids,
                    past_key_values=past, use_cache=True)
        past = out.past_key_values                     # keys/values of the tokens written so far
        top = out.logits[0, -1].softmax(-1).topk(5)
        print(step + 1, list(zip(tokenizer.convert_ids_to_tokens(top.indices), top.values.tolist())))
        ids = torch.cat([ids, top.indices[:1].view(1, 1)], dim=1)   # greedy: the most likely token
        if ids[0, -1].item() == model.config.eos_token_id:
            break
print(tokenizer.decode(ids[0], skip_special_tokens=True))
# The same text in one call: model.generate(**inputs, max_new_tokens=${p.max_new_tokens}, do_sample=False)
`,
  );
}

export function jsSnippet(modelId: string, p: Seq2SeqParams, dtype: string, device: string): string {
  return `import { AutoTokenizer, AutoModelForSeq2SeqLM } from '@huggingface/transformers';

const modelId = ${literal(modelId)};
${jsDevice(device)}
const tokenizer = await AutoTokenizer.from_pretrained(modelId);
// Two ONNX files: onnx/encoder_model*.onnx and onnx/decoder_model_merged*.onnx
const model = await AutoModelForSeq2SeqLM.from_pretrained(modelId, ${jsOptions(dtype)});

// Exactly what the encoder reads (the page adds the task prefix unless the text already has one).
const inputs = tokenizer(${literal(sourceText(p))});
const ids = await model.generate({ ...inputs, max_new_tokens: ${p.max_new_tokens}, do_sample: false });
console.log(tokenizer.batch_decode(ids, { skip_special_tokens: true })[0]);
// The page runs its own loop instead (same tokens): the encoder session once, then model.forward()
// per step with encoder_outputs and past_key_values, to show every step's top 5.
`;
}
