/** The sample images shipped in public/samples/ (drawn by make-samples.ts; made here, so free to use). */
export const SAMPLES = [
  { name: 'cat', label: 'Cat at sunset', alt: 'A black cat silhouette sitting on a hill against an orange and purple sunset sky' },
  { name: 'sunset', label: 'Sea and sun', alt: 'A sun half over a blue sea, with a sky fading from yellow to deep blue' },
  { name: 'checkerboard', label: 'Checkerboard', alt: 'A red and white checkerboard of 8 by 8 squares, slightly tilted' },
  { name: 'rings', label: 'Rings', alt: 'Concentric rings in green, blue and yellow around the centre' },
] as const;

export type SampleName = (typeof SAMPLES)[number]['name'];

/** The value of `image` for a picture the person brought: never written into a link. */
export const OWN_IMAGE = 'own';

export function isSample(name: string): name is SampleName {
  return SAMPLES.some((s) => s.name === name);
}

/** Side of the square the page keeps of a person's own image (the models here read 224 × 224). */
export const KEEP_SIDE = 224;
