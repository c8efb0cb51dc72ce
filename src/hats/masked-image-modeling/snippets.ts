import { literal, noJsEquivalent } from '@/lib/snippets';
import { formatPatches } from './masking';
import type { MimOutput } from './output';
import type { MimParams } from './params';
import { OWN_IMAGE } from './samples';

const imageFile = (p: MimParams) => (p.image === OWN_IMAGE ? (p.own?.name ?? 'your-picture.png') : `${p.image}.png`);

/** Python with the same checkpoint and the same hidden patches (a noise of 0 for kept, 1 for hidden ones). */
export function pythonSnippet(modelId: string, p: MimParams, o?: MimOutput): string {
  const hidden = o ? `[${o.hidden.join(', ')}]` : '[...]  # the page lists them once it has run';
  return `import torch
from PIL import Image
from transformers import AutoImageProcessor, ViTMAEForPreTraining

model_id = ${literal(modelId)}
processor = AutoImageProcessor.from_pretrained(model_id)
model = ViTMAEForPreTraining.from_pretrained(model_id).eval()

image = Image.open(${literal(imageFile(p))}).convert("RGB")  # ${p.image === OWN_IMAGE ? 'your picture' : `public/samples/${imageFile(p)}`}
inputs = processor(images=image, return_tensors="pt")

# The page's mask (${o?.mode === 'picked' ? 'picked by hand' : `seed ${p.seed}, mask ratio ${p.mask_ratio}`}): patches ${o ? formatPatches(o.hidden) : '…'} are hidden.
# random_masking keeps the patches with the smallest noise, so noise 0 = kept, 1 = hidden.
hidden = ${hidden}
N = (model.config.image_size // model.config.patch_size) ** 2
noise = torch.zeros(1, N)
noise[0, hidden] = 1.0
model.config.mask_ratio = (len(hidden) - 0.5) / N  # so that int(N * (1 - ratio)) = N - len(hidden)

with torch.no_grad():
    out = model(**inputs, noise=noise)
logits = out.logits  # [1, N, patch_size**2 * 3]
if model.config.norm_pix_loss:  # scale each patch back with the original patch's mean and variance
    target = model.patchify(inputs.pixel_values)
    logits = logits * (target.var(dim=-1, keepdim=True) + 1e-6) ** 0.5 + target.mean(dim=-1, keepdim=True)
pred = model.unpatchify(logits)
mask = model.unpatchify(out.mask.unsqueeze(-1).repeat(1, 1, logits.shape[-1]))  # 1 where hidden
reconstruction = inputs.pixel_values * (1 - mask) + pred * mask
mean = torch.tensor(processor.image_mean).view(1, 3, 1, 1)
std = torch.tensor(processor.image_std).view(1, 3, 1, 1)
pixels = (reconstruction * std + mean).clamp(0, 1)  # [1, 3, H, W] in 0…1
# The page clips to 0…1 and rounds to bytes before measuring, so its MSE differs in the last digits.
print("MSE on hidden patches:", (((pred - inputs.pixel_values) * std) ** 2 * mask).sum().item() / mask.sum().item())
`;
}

/** transformers.js has no ViTMAEForPreTraining: one plain sentence, and what to do instead. */
export function jsSnippet(): string {
  return noJsEquivalent(
    'ViTMAEForPreTraining',
    'To run it yourself, use the Python snippet above: PyTorch reads this model.safetensors as it is, with the same hidden patches.',
  );
}
