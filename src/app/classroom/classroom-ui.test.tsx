// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findHat } from '@/hats/registry';
import { AppProvider, useApp } from '../app-context';
import type { Controller } from '../controller';
import { mirrorFromAddress } from '../mirror/mirror-slice';
import { createAppStore } from '../store';
import { LessonBar } from './LessonBar';
import { StepInputs } from './StepInputs';
import { ownsKeys, useClassroomKeys } from './use-classroom-keys';

const mlm = findHat('masked-lm')!;
const lesson = {
  v: 1,
  title: 'Masks',
  steps: [
    { link: 'v=1&hat=masked-lm&text=the+cat+says+%5BMASK%5D+.', note: 'Read the guesses.', hideForm: true },
    { link: 'v=1&hat=fedora', note: 'Gone' },
    { link: 'v=1&hat=masked-lm&text=my+%5BMASK%5D', note: 'Try it.', lockForm: true },
  ],
};

// The lesson bar offers "Get this lesson ready", which these tests never press.
const controller = { prefetch: () => Promise.resolve({ cached: true }) } as unknown as Controller;

function Student() {
  useClassroomKeys();
  const params = useApp((s) => s.choices[s.hatId]?.params);
  return (
    <>
      <LessonBar />
      <StepInputs hat={mlm} params={params}>
        <input aria-label="Text" />
      </StepInputs>
    </>
  );
}

const store = createAppStore();
const renderStudent = () =>
  render(
    <AppProvider store={store} controller={controller}>
      <Student />
    </AppProvider>,
  );

describe('the student view of a lesson', () => {
  beforeEach(() => act(() => store.getState().openLesson(lesson)));
  afterEach(() => {
    cleanup();
    act(() => store.getState().closeLesson());
  });

  it('shows the step, the note and a read-only summary instead of hidden inputs', () => {
    renderStudent();
    expect(screen.getByTestId('lesson-step').textContent).toBe('Step 1 of 3: Masked language modeling');
    expect(screen.getByTestId('lesson-note').textContent).toBe('Read the guesses.');
    expect(screen.getByTestId('inputs-summary').textContent).toContain('the cat says [MASK] .');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('steps with the arrow keys, says why a broken step cannot open, and disables locked inputs', () => {
    renderStudent();
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(screen.getByTestId('broken-step').textContent).toContain('“fedora”');
    act(() => void fireEvent.keyDown(document.body, { key: 'PageDown' }));
    expect(screen.getByTestId('lesson-step').textContent).toBe('Step 3 of 3: Masked language modeling');
    expect(screen.getByRole('textbox', { name: 'Text' }).matches(':disabled')).toBe(true);
    expect(store.getState().choices['masked-lm']?.params).toMatchObject({ text: 'my [MASK]' });
    // Arrows typed in a text field stay there.
    act(() => void fireEvent.keyDown(screen.getByRole('textbox', { name: 'Text' }), { key: 'ArrowLeft' }));
    expect(store.getState().open?.index).toBe(2);
  });

  it('leaves arrow keys to controls that use them', () => {
    const select = document.createElement('select');
    const button = document.createElement('button');
    expect(ownsKeys(select)).toBe(true);
    expect(ownsKeys(button)).toBe(false);
  });
});

describe('presenter mode', () => {
  afterEach(cleanup);

  it('steps through the hats with the arrows, but not while the mirror covers them', () => {
    const presenter = createAppStore();
    render(
      <AppProvider store={presenter} controller={controller}>
        <Student />
      </AppProvider>,
    );
    act(() => presenter.getState().setPresenter(true));
    act(() => presenter.getState().openMirror(mirrorFromAddress('?view=mirror').mirror!));
    const hat = presenter.getState().hatId;
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(presenter.getState().hatId).toBe(hat);
    act(() => presenter.getState().closeMirror());
    act(() => void fireEvent.keyDown(document.body, { key: 'ArrowRight' }));
    expect(presenter.getState().hatId).not.toBe(hat);
  });
});
