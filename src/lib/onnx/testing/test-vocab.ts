/*
 * The WordPiece vocabulary shared by every hw-test fixture model. Small enough
 * to read, big enough for real sentences: lowercase words (BertNormalizer
 * lowercases and strips accents, so "Café" becomes "cafe"), punctuation, and
 * continuation pieces ("##s", "##ing", …) so that words outside the list split:
 * "movies" → movie ##s, "unbelievable" → un ##believ ##able, "loved" → love ##d.
 * A token's id is its index; the order must never change (ids are baked into
 * the fixture weights and the known answers).
 */

export const SPECIAL_TOKENS = {
  pad: '[PAD]',
  unk: '[UNK]',
  cls: '[CLS]',
  sep: '[SEP]',
  mask: '[MASK]',
} as const;

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

const PUNCTUATION = ['.', ',', '!', '?', "'", '-', ':', ';', '(', ')', '"'];

const WORDS = [
  // function words
  ...['the', 'a', 'an', 'is', 'was', 'are', 'were', 'be', 'this', 'that', 'it', 'i', 'you', 'he', 'she'],
  ...['we', 'they', 'my', 'your', 'his', 'her', 'our', 'and', 'or', 'but', 'so', 'very', 'too', 'also'],
  ...['just', 'really', 'what', 'who', 'how', 'on', 'in', 'at', 'of', 'to', 'for', 'with', 'from', 'by'],
  ...['about', 'all', 'one', 'two', 'day', 'night', 'time', 'today', 'again', 'here', 'there'],
  // negation (the NLI fixture reacts to these)
  ...['not', 'no', 'never'],
  // verbs
  ...['does', 'do', 'did', 'says', 'say', 'said', 'sleeps', 'sleep', 'eats', 'eat', 'runs', 'run', 'has'],
  ...['have', 'like', 'watch', 'see', 'saw', 'think', 'made', 'sits', 'sat', 'purr'],
  // nouns
  ...['movie', 'film', 'show', 'book', 'story', 'song', 'music', 'food', 'plot', 'acting', 'ending'],
  ...['cat', 'dog', 'cow', 'bird', 'mat', 'house', 'park', 'farm', 'man', 'woman', 'child', 'people'],
  ...['friend', 'cafe', 'resume'],
  // animal sounds (the masked-LM fixture's answers)
  ...['meow', 'woof', 'moo', 'tweet'],
  // sentiment (the SST-2 fixture reacts to these)
  ...['great', 'good', 'love', 'wonderful', 'amazing', 'best'],
  ...['awful', 'bad', 'hate', 'terrible', 'worst', 'boring'],
  // other adjectives
  ...['happy', 'sad', 'awake', 'asleep', 'big', 'small', 'old', 'new', 'long', 'naive', 'quiet', 'loud'],
  // word pieces
  'un',
  ...['##believ', '##able', '##s', '##ing', '##ed', '##d', '##ly', '##er', '##y', '##e', '##a', '##n', '##t'],
  // Added for the second batch of hats; appended so that earlier ids never move.
  // question answering: places and the question word
  ...['where', 'garden', 'bed'],
  // named entities: "annabel" is not a word here, so it splits into ann ##abel
  ...['miya', 'ann', '##abel', 'lives', 'works', 'paris', 'london', 'hugging', 'face'],
  // sentence embeddings, multiple choice, next sentence prediction
  ...['car', 'red', 'hungry', 'fish', 'flies', 'moon', 'reads', 'stock', 'market', 'fell', 'price'],
];

/** All tokens; index = id. */
export const VOCAB: readonly string[] = [...SPECIALS, ...PUNCTUATION, ...WORDS];

const IDS = new Map(VOCAB.map((token, id) => [token, id]));
if (IDS.size !== VOCAB.length) throw new Error('test vocabulary has duplicate tokens');

/** The id of a token; throws on a typo so fixture weights never point at [UNK] by accident. */
export function tokenId(token: string): number {
  const id = IDS.get(token);
  if (id === undefined) throw new Error(`"${token}" is not in the test vocabulary`);
  return id;
}
