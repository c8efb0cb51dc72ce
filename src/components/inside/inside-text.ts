/*
 * The panel's explanations, in the wardrobe's voice: warm, short, and right.
 */
export const INSIDE_TEXT = {
  head:
    'A head is one way of looking. In every layer the body asks several heads at once; each one lets every token weigh every other token, and each row of weights adds up to 1. One head may follow the next word, another the verb, another the full stop. Nobody told them to: they learned it.',
  special:
    '[CLS] and [SEP] soak up a lot of attention. They sit in every input, so a head with nothing useful to look at parks its weight there, like a cat that settles on the same warm spot whatever room it is in. A heavy column on [SEP] often means “no opinion here”.',
  lens:
    'The logit lens borrows the model’s own output head and holds it up to every layer, not only the last, so you can watch the guess form. It misleads too: the head was trained only on the last layer, so an early layer’s “guess” is the head reading a language it was never taught, and a late change of mind can be the lens, not the model.',
  hidden:
    'Each layer hands the next one vector per token. Row by row the picture shows how the same tokens are described after each layer; the similarity table shows which tokens the body thinks alike at that layer. Early on, a word is mostly itself; later, it takes on its neighbours.',
} as const;
