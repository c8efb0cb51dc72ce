import { describe, expect, it } from 'vitest';
import { E2E_QA, E2E_QA_MODEL } from './e2e-cases';
import { QA_ID, qaCases } from './fixture';

describe('the e2e cases', () => {
  it('are known cases of the fixture model', () => {
    expect(E2E_QA_MODEL).toBe(QA_ID);
    for (const c of Object.values(E2E_QA)) {
      expect(qaCases).toContainEqual(expect.objectContaining({ question: c.question, context: c.context, expected: { answer: c.answer } }));
    }
  });

  it('include an answer word inside the question and a context that needs a second window', () => {
    expect(E2E_QA.answerInQuestion.question.split(' ')).toContain(E2E_QA.answerInQuestion.answer);
    expect(qaCases.find((c) => c.context === E2E_QA.longContext.context)?.needsWindows).toBe(true);
  });
});
