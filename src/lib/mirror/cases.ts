/*
 * The mirror's test bodies and where the drift was put, for unit tests, the fixture build and the
 * e2e spec alike. Data only: no imports, so Playwright can load it.
 */

/** A tiny BertForPreTraining body with both of BERT's own heads, as an export (for custom-head training) and as model.safetensors. */
export const MIRROR_ID = 'hw-test/tiny-bert-mirror';
/** The same body fine-tuned by hand: only the modules in MIRROR_DRIFT changed. */
export const MIRROR_TUNED_ID = 'hw-test/tiny-bert-mirror-tuned';
export const MIRROR_LAYERS = 2;

/** Modules scaled by (1 + relative): ‖W_ft − W_base‖ / ‖W_base‖ is then exactly |relative|. Layers 0-based. */
export const MIRROR_DRIFT = [
  { layer: 1, kind: 'query', scale: 1.25, relative: 0.25 },
  { layer: 0, kind: 'feed-forward out', scale: 0.9, relative: 0.1 },
] as const;
