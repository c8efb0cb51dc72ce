import type { Locator } from '@playwright/test';
import { expect } from './test.ts';

/*
 * Reading the Inside panel's tables (src/components/inside): the attention table's row and column
 * labels and its weights as numbers, and the checks every attention table must pass.
 */

export interface AttentionTableData {
  queries: string[];
  keys: string[];
  weights: number[][];
}

/** Labels keep their leading spaces (GPT-2 writes " cat"), so they are read as textContent. */
export async function readAttentionTable(table: Locator): Promise<AttentionTableData> {
  const keys = (await table.locator('thead th').allTextContents()).slice(1);
  const rows = table.locator('tbody tr');
  const queries = await rows.locator('th').allTextContents();
  const weights: number[][] = [];
  for (let r = 0; r < queries.length; r++) weights.push((await rows.nth(r).locator('td').allTextContents()).map(Number));
  return { queries, keys, weights };
}

/** Each row sums to 1 within the rounding of its cells (three decimals each). */
export function expectRowsSumToOne({ weights, keys }: AttentionTableData): void {
  for (const row of weights) {
    expect(row).toHaveLength(keys.length);
    expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(0.0005 * keys.length + 1e-9);
  }
}

/** No query reads a later key: every weight above the diagonal is 0. */
export function expectCausal({ weights }: AttentionTableData): void {
  weights.forEach((row, i) => row.slice(i + 1).forEach((w) => expect(w).toBe(0)));
}
