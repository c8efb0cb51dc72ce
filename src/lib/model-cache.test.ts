import { describe, expect, it } from 'vitest';
import { parseCachedUrl } from './model-cache';

describe('parseCachedUrl', () => {
  it('splits host, model id and file, also for a mirror under a sub-path', () => {
    expect(parseCachedUrl('https://huggingface.co/Xenova/bert-base-uncased/resolve/main/onnx/model_quantized.onnx')).toEqual({
      host: 'https://huggingface.co',
      model: 'Xenova/bert-base-uncased',
      file: 'onnx/model_quantized.onnx',
    });
    expect(parseCachedUrl('http://127.0.0.1:7071/hw-test/tiny-bert-mlm/resolve/main/config.json')?.model).toBe('hw-test/tiny-bert-mlm');
    expect(parseCachedUrl('http://school.example/mirror/models/org/name/resolve/main/tokenizer.json')).toEqual({
      host: 'http://school.example/mirror/models',
      model: 'org/name',
      file: 'tokenizer.json',
    });
    expect(parseCachedUrl('http://127.0.0.1/assets/ort.wasm')).toBeUndefined();
  });
});
