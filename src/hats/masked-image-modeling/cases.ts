/*
 * The tiny ViT-MAE checkpoints that fixture.ts builds, for checkpoint.test.ts and
 * e2e/masked-image-modeling.spec.ts alike. Data only: no imports, so Playwright can load it.
 * Known answer: every hidden patch is painted in the mean colour of the visible patches.
 */

export const MIM_ID = 'hw-test/tiny-vit-mae';
/** config.json and preprocessor_config.json only: the "no model.safetensors" path. */
export const MIM_NO_SAFETENSORS_ID = 'hw-test/tiny-vit-mae-no-safetensors';
/** The encoder without the pixel decoder (a ViTMAEModel): the "missing tensor" path. */
export const MIM_NO_DECODER_ID = 'hw-test/tiny-vit-mae-no-decoder';
