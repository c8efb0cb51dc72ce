import { describe, expect, it } from 'vitest';
import { defaultHat, findHat, hats } from '@/hats/registry';
import { demoHost, modelHost } from './demo-wardrobe';
import { defaultChoice, parseLink, serializeLink } from './share-link';
import { createAppStore, currentChoice } from './store';

const mlm = findHat('masked-lm')!;

describe('the demo wardrobe', () => {
  it('gives every hat a demo model, with what it knows', () => {
    for (const hat of hats) {
      expect(hat.demo.length, hat.id).toBeGreaterThan(0);
      for (const m of hat.demo) expect(m.knows.length, `${hat.id}: ${m.id}`).toBeGreaterThan(40);
    }
  });

  it('is chosen by host=demo, opens on the demo model and its example, and round-trips', () => {
    const link = parseLink('?v=1&hat=masked-lm&host=demo', hats, defaultHat);
    expect(link.demo).toBe(true);
    expect(link.notices).toEqual([]);
    expect(link.choice).toEqual(defaultChoice(mlm, true));
    expect(link.choice.model).toBe('hw-test/tiny-bert-mlm');
    expect(link.choice.params).toEqual({ text: 'The cat says [MASK].', top_k: 5 });
    const query = serializeLink(mlm, link.choice, null, true);
    expect(query).toBe('?v=1&hat=masked-lm&host=demo&text=The+cat+says+%5BMASK%5D.');
    expect(parseLink(query, hats, defaultHat)).toEqual(link);
  });

  it('takes no other host from a link, and says so', () => {
    const link = parseLink('?hat=masked-lm&host=https://evil.example', hats, defaultHat);
    expect(link.demo).toBe(false);
    expect(link.choice.model).toBe(mlm.defaultModel);
    expect(link.notices[0]).toMatch(/can only choose the demo wardrobe .*evil\.example/);
  });

  it('is served from the app itself: the model host is next to the page', () => {
    expect(demoHost('https://school.example/hw/index.html')).toBe('https://school.example/hw/demo-models');
    expect(modelHost({ demo: false, settings: { host: 'https://huggingface.co' } })).toBe('https://huggingface.co');
  });

  it('switching keeps typed inputs and moves the wardrobe defaults', () => {
    const store = createAppStore({ search: '?hat=masked-lm&text=the+dog+says+[MASK]+.' });
    store.getState().setDemo(true);
    expect(store.getState().demo).toBe(true);
    expect(currentChoice(store.getState())).toMatchObject({ model: 'hw-test/tiny-bert-mlm', params: { text: 'the dog says [MASK] .' } });
    store.getState().selectHat('question-answering');
    expect(currentChoice(store.getState()).model).toBe('hw-test/tiny-distilbert-squad');
    store.getState().setDemo(false);
    expect(currentChoice(store.getState()).model).toBe(findHat('question-answering')!.defaultModel);
    expect(currentChoice(store.getState()).params).toEqual(findHat('question-answering')!.params.defaults);
  });
});
