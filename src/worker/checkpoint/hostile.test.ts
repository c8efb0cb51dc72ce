// @vitest-environment node
import { env } from '@huggingface/transformers';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch } from '../net/fetch';
import { depsWith, FIXTURES_ROOT, pooledClassifier, startHub, type Hub } from '../sdk/testing';
import type { CheckpointDeps } from './deps';
import { checkpointSource } from './index';

/*
 * A checkpoint hat's source against hostile hosts, fetching the way the worker does (the guarded
 * fetch for the model library and for Range reads): every refusal comes before a weight is fetched.
 */

let hub: Hub;
let deps: CheckpointDeps;
const saved = env.fetch;

beforeAll(async () => {
  hub = await startHub(FIXTURES_ROOT);
  deps = { ...depsWith({ createSession: () => Promise.reject(new Error('no runtime here')) }), fetch: (i, init) => guardedFetch(i, init) };
  env.fetch = (input: string | URL, init?: unknown) => guardedFetch(input, init as RequestInit);
});
afterAll(async () => {
  env.fetch = saved;
  await hub?.close();
});
afterEach(() => hub.resetLog());

const dtypes = (model: string) => checkpointSource(pooledClassifier(1), deps).availableDtypes({ model: `hw-test/${model}`, host: hub.url });

describe('a BERT checkpoint on a hostile host', () => {
  it('a truncated model.safetensors is called damaged from its header, before any tensor is read', async () => {
    await expect(dtypes('truncated-tiny-bert-swag')).rejects.toMatchObject({ kind: 'damaged', message: expect.stringMatching(/model\.safetensors of “hw-test\/truncated-tiny-bert-swag” is damaged: its header places tensors up to byte [\d,]+, but the file has [\d,]+ bytes/) });
    expect(hub.log().filter((e) => e.url.endsWith('model.safetensors')).map((e) => e.range)).toEqual(['bytes=0-7', expect.stringMatching(/^bytes=8-\d+$/)]);
  });

  it('absurd sizes in config.json are refused by name; web pages and error statuses by cause', async () => {
    await expect(dtypes('huge-config-tiny-bert-swag')).rejects.toMatchObject({ kind: 'too-big', message: expect.stringMatching(/num_hidden_layers is 100,000,000, more than the 512/) });
    await expect(dtypes('html-tiny-bert-swag')).rejects.toMatchObject({ kind: 'wrong-content' });
    await expect(dtypes('status-500-tiny-bert-swag')).rejects.toMatchObject({ kind: 'host-status' });
    expect(hub.log().some((e) => e.url.endsWith('model.safetensors') && e.status === 206)).toBe(false);
  });
});
