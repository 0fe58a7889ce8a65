import { describe, expect, it } from 'vitest';
import { fitColumns, type SizableColumn } from './use-column-widths';

const cols: SizableColumn[] = [
  { id: 'name', preferred: 200, isKey: true },
  { id: 'id', preferred: 220, isKey: false },
  { id: 'state', preferred: 240, isKey: false },
  { id: 'launched', preferred: 120, isKey: false },
];
const natural = (content: Record<string, number>, header: Record<string, number> = {}) => ({ content, header });
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

describe('fitColumns', () => {
  it("gives each column its content width, and the page's width where there is room (a cell measured while loading)", () => {
    const w = fitColumns(cols, natural({ name: 150, id: 190, state: 110, launched: 90 }), 1166);
    expect(Object.fromEntries(w)).toEqual({ name: 200, id: 220, state: 240, launched: 120 });
    // Only as much room as there is: the first columns grow first.
    const tight = fitColumns(cols, natural({ name: 150, id: 190, state: 110, launched: 90 }), 600);
    expect(Object.fromEntries(tight)).toEqual({ name: 200, id: 200, state: 110, launched: 90 });
  });

  it('uses the preferred width for a column whose content was not measured', () => {
    const w = fitColumns(cols, natural({ name: 150 }), 0);
    expect(w.get('id')).toBe(220);
    expect(w.get('name')).toBe(150);
  });

  it('narrows the last columns first, keeping the key column and the first (most useful) ones whole, to fit the area', () => {
    const w = fitColumns(cols, natural({ name: 300, id: 300, state: 200, launched: 100 }), 800);
    expect(sum(w)).toBe(800);
    expect(Object.fromEntries(w)).toEqual({ name: 300, id: 300, state: 128, launched: 72 });
  });

  it('never narrows a column below its header', () => {
    const w = fitColumns(cols, natural({ name: 300, id: 300, state: 200, launched: 140 }, { launched: 130 }), 400);
    expect(w.get('launched')).toBe(130);
  });

  it('stops at each minimum and lets the table scroll when the area is too small even then', () => {
    const w = fitColumns(cols, natural({ name: 300, id: 300, state: 200, launched: 100 }), 500);
    expect(Object.fromEntries(w)).toEqual({ name: 300, id: 72, state: 72, launched: 72 });
  });

  it('caps a non-key column at its max width (long values truncate) and a key column at 60% of the area', () => {
    const w = fitColumns(
      [
        { id: 'key', preferred: 180, isKey: true },
        { id: 'body', preferred: 160, isKey: false, maxWidth: 320 },
      ],
      natural({ key: 2000, body: 2000 }),
      1000,
    );
    expect(w.get('body')).toBe(320);
    expect(w.get('key')).toBe(600);
  });
});
