import { changed, collect, textParam } from '@/lib/params';
import type { ParamsCodec } from '@/hats/types';

export interface QaParams {
  question: string;
  /** The passage the answer is searched in. */
  context: string;
}

export const qaCodec: ParamsCodec<QaParams> = {
  defaults: {
    question: 'Where does Miya sleep in the afternoon?',
    context:
      'Miya is a sleepy black cat who lives in a small flat in Lisbon. She spends most afternoons asleep in a cardboard box on top of the wardrobe, and only wakes up when someone opens a tin of tuna.',
  },
  parse(query) {
    const c = collect();
    const params = {
      question: c.take(textParam(query, 'question', this.defaults.question)),
      context: c.take(textParam(query, 'context', this.defaults.context)),
    };
    return { params, notices: c.notices };
  },
  serialize(p) {
    return changed([
      ['question', p.question, this.defaults.question],
      ['context', p.context, this.defaults.context],
    ]);
  },
};
