// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TokensInfo } from '@/engine/protocol';
import { TokensView } from './TokensView';

afterEach(cleanup);

const tokens = (words: string[]): TokensInfo => ({
  rows: ['[CLS]', ...words, '[SEP]'].map((token, id) => ({ token, id, special: token.startsWith('['), attention: 1 })),
  fullLength: words.length + 2,
  maxLength: 64,
  truncated: false,
});

function toggle(open: boolean) {
  const details = screen.getByTestId('tokens-view') as HTMLDetailsElement;
  act(() => {
    details.open = open;
    details.dispatchEvent(new Event('toggle'));
  });
}

describe('TokensView', () => {
  it('says how many tokens there are while closed, and draws the table only once opened', () => {
    const { rerender } = render(<TokensView tokens={tokens(['a', 'cat'])} />);
    expect(screen.getByText(/^Tokens/).textContent).toContain('4 of at most 64');
    expect(screen.queryAllByTestId('token-row')).toHaveLength(0);
    // A new answer while closed changes the count, not hidden rows.
    rerender(<TokensView tokens={tokens(['a', 'cat', 'sleeps'])} />);
    expect(screen.getByText(/^Tokens/).textContent).toContain('5 of at most 64');
    toggle(true);
    expect(screen.getAllByTestId('token-row').map((r) => r.children[1]?.textContent)).toEqual(['[CLS]', 'a', 'cat', 'sleeps', '[SEP]']);
    toggle(false);
    expect(screen.queryAllByTestId('token-row')).toHaveLength(0);
  });
});
