import { describe, expect, it } from 'vitest';
import { fitColumns, type SizableColumn } from './use-column-widths';

const cols: SizableColumn[] = [
  { id: 'name', preferred: 200, isKey: true },
  { id: 'id', preferred: 220, isKey: false },
  { id: 'state', preferred: 240, isKey: false },
  { id: 'launched', preferred: 120, isKey: false },
];
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('fitColumns', () => {
  it('gives each column its content width when everything fits', () => {
    const w = fitColumns(cols, { name: 150, id: 190, state: 110, launched: 90 }, 1166);
    expect(Object.fromEntries(w)).toEqual({ name: 150, id: 190, state: 110, launched: 90 });
  });

  it('uses the preferred width for a column whose content was not measured', () => {
    const w = fitColumns(cols, { name: 150 }, 0);
    expect(w.get('id')).toBe(220);
    expect(w.get('name')).toBe(150);
  });

  it('narrows non-key columns in proportion to what they can spare, keeping the key column whole, to fit the area', () => {
    const natural = { name: 300, id: 300, state: 200, launched: 100 };
    const w = fitColumns(cols, natural, 700);
    expect(w.get('name')).toBe(300);
    expect(sum(w)).toBeLessThanOrEqual(700);
    expect(sum(w)).toBeGreaterThan(690);
    // id had 204 px to spare and state 104: id gives up about twice as much.
    const idLoss = 300 - (w.get('id') ?? 0);
    const stateLoss = 200 - (w.get('state') ?? 0);
    expect(idLoss / stateLoss).toBeCloseTo(204 / 104, 1);
    // A column near its minimum gives up only what it has above it.
    expect(w.get('launched')).toBeGreaterThanOrEqual(96);
  });

  it('stops at each minimum and lets the table scroll when the area is too small even then', () => {
    const w = fitColumns(cols, { name: 300, id: 300, state: 200, launched: 100 }, 500);
    expect(Object.fromEntries(w)).toEqual({ name: 300, id: 96, state: 96, launched: 96 });
  });

  it('caps a non-key column at its max width (long values truncate) and a key column at 60% of the area', () => {
    const w = fitColumns(
      [
        { id: 'key', preferred: 180, isKey: true },
        { id: 'body', preferred: 160, isKey: false, maxWidth: 320 },
      ],
      { key: 2000, body: 2000 },
      1000,
    );
    expect(w.get('body')).toBe(320);
    expect(w.get('key')).toBe(600);
  });
});
