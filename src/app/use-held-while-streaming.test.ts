// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useHeldWhileStreaming } from './use-held-while-streaming';

describe('useHeldWhileStreaming', () => {
  it('follows the value, holds the first one while a run streams, and follows again when it ends', () => {
    const { result, rerender } = renderHook(({ value, streaming }) => useHeldWhileStreaming(value, streaming), {
      initialProps: { value: 'last answer', streaming: false },
    });
    expect(result.current).toBe('last answer');
    rerender({ value: '3 tokens', streaming: true });
    expect(result.current).toBe('3 tokens');
    rerender({ value: '9 tokens', streaming: true });
    rerender({ value: '14 tokens', streaming: true });
    expect(result.current).toBe('3 tokens');
    rerender({ value: 'the answer', streaming: false });
    expect(result.current).toBe('the answer');
    rerender({ value: '2 tokens', streaming: true });
    expect(result.current).toBe('2 tokens');
  });
});
