import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIMARY_MARK, SECONDARY_MARK, shareOf, suppressCount, suppressPart, suppressTable, type Shown, type SuppressedTable } from "./suppress";

/**
 * The attacker's view: every shown number exactly, each "<5" cell somewhere in 1..4, each hidden
 * cell that is not "<5" at 0 or 5 and above, a hidden total any size, and every row and column
 * adding up. `feasibleValues` searches all
 * inner tables that fit (inner cells up to CAP; a bound only shrinks what is feasible, so the
 * check is conservative) and collects, per hidden member, the values it can take.
 */
const CAP = 14;
type Pos = [number, number];

function domainOf(shown: Shown): number[] {
  if (shown === PRIMARY_MARK) return [1, 2, 3, 4];
  if (shown === SECONDARY_MARK) return [0, ...Array.from({ length: CAP - 4 }, (_, k) => k + 5)];
  return [shown];
}

/** xs[i], which the search only ever asks for inside the table. */
function at<T>(xs: readonly T[] | undefined, i: number): T {
  const v = xs?.[i];
  if (v === undefined) throw new Error(`no item ${i}`);
  return v;
}

function feasibleValues(t: SuppressedTable): Map<string, Set<number>> {
  const R = t.cells.length;
  const C = at(t.cells, 0).length;
  const grid: Shown[][] = [...t.cells.map((row, i) => [...row, at(t.rowTotals, i)]), [...t.colTotals, t.grand]];
  const hiddenMembers: Pos[] = [];
  grid.forEach((row, i) => row.forEach((s, j) => typeof s !== "number" && hiddenMembers.push([i, j])));
  const seen = new Map<string, Set<number>>(hiddenMembers.map(([i, j]) => [`${i},${j}`, new Set<number>()]));
  const done = () => [...seen.values()].every((s) => s.size >= 2);
  const inner: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(0));
  const fits = (v: number, s: Shown) => (typeof s === "number" ? v === s : s === SECONDARY_MARK || domainOf(s).includes(v));
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const shown = (i: number, j: number) => at(at(grid, i), j);

  const record = () => {
    const colSums = Array.from({ length: C }, (_, j) => sum(inner.map((row) => at(row, j))));
    const grand = sum(colSums);
    for (let j = 0; j < C; j++) if (!fits(at(colSums, j), shown(R, j))) return;
    if (!fits(grand, shown(R, C))) return;
    for (const [i, j] of hiddenMembers) {
      const v = i === R ? (j === C ? grand : at(colSums, j)) : j === C ? sum(at(inner, i)) : at(at(inner, i), j);
      seen.get(`${i},${j}`)?.add(v);
    }
  };
  const walk = (i: number, j: number): void => {
    if (done()) return;
    if (i === R) return record();
    if (j === C) {
      if (!fits(sum(at(inner, i)), shown(i, C))) return;
      return walk(i + 1, 0);
    }
    for (const v of domainOf(shown(i, j))) {
      at(inner, i)[j] = v;
      walk(i, j + 1);
    }
  };
  walk(0, 0);
  return seen;
}

const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }))
  .chain(([r, c]) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 12 })), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe("suppressTable", () => {
  it("shows every count from 1 to 4 as <5, anywhere in the table", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const t = suppressTable(cells);
        cells.forEach((row, i) => row.forEach((v, j) => v >= 1 && v <= 4 && expect(t.cells[i]?.[j]).toBe(PRIMARY_MARK)));
        t.rowTotals.forEach((s, i) => typeof s === "number" && expect(s).toBe(cells[i]?.reduce((a, b) => a + b, 0)));
        for (const s of [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.grand]) if (typeof s === "number") expect(s === 0 || s >= 5).toBe(true);
      }),
    );
  });

  it("leaves no hidden count that the shown cells and totals pin down", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const t = suppressTable(cells);
        for (const [member, values] of feasibleValues(t)) expect(values.size, `member ${member} of ${JSON.stringify(cells)}`).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it("hides nothing in a table with no small counts", () => {
    const t = suppressTable([[10, 0], [7, 25]]);
    expect(t).toEqual({ cells: [[10, 0], [7, 25]], rowTotals: [10, 32], colTotals: [17, 25], grand: 42 });
  });

  it("hides the totals of every row and column holding a small count", () => {
    const t = suppressTable([[3, 9, 12], [8, 10, 11]]);
    expect(t).toEqual({ cells: [[PRIMARY_MARK, 9, 12], [8, 10, 11]], rowTotals: [SECONDARY_MARK, 29], colTotals: [SECONDARY_MARK, 19, 23], grand: SECONDARY_MARK });
  });

  it("the oracle finds a pinned cell when totals are left shown", () => {
    const leaky: SuppressedTable = { cells: [[PRIMARY_MARK, 9]], rowTotals: [12], colTotals: [PRIMARY_MARK, 9], grand: 12 };
    expect(feasibleValues(leaky).get("0,0")).toEqual(new Set([3]));
  });
});

describe("counts with a total", () => {
  it.each([
    [0, 100, 0],
    [3, 100, PRIMARY_MARK],
    [97, 100, SECONDARY_MARK],
    [100, 100, 100],
    [20, 24, SECONDARY_MARK],
    [20, 30, 20],
  ] as const)("%i of %i shows as %s", (n, total, shown) => {
    expect(suppressPart(n, total)).toBe(shown);
  });

  it("never gives a percentage of a hidden count", () => {
    expect(shareOf(3, 100)).toBeNull();
    expect(shareOf(97, 100)).toBeNull();
    expect(shareOf(31, 100)).toBe("31.0");
    expect(suppressCount(4)).toBe(PRIMARY_MARK);
    expect(suppressCount(5)).toBe(5);
  });
});
