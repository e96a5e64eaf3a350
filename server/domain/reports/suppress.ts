/**
 * Small-number suppression for every published count (docs/reports.md, "Small numbers").
 *
 * Primary: a count from 1 to 4 is shown as "<5". Secondary: a count hidden only so that a "<5"
 * cannot be worked out from totals is shown as "[c]". A count of 0 is shown: "none" discloses
 * nobody.
 */

export const PRIMARY_MARK = "<5";
export const SECONDARY_MARK = "[c]";

export type Shown = number | typeof PRIMARY_MARK | typeof SECONDARY_MARK;

export function isSmall(n: number): boolean {
  return n >= 1 && n <= 4;
}

/** One count on its own (no published total it adds up to). */
export function suppressCount(n: number): Shown {
  return isSmall(n) ? PRIMARY_MARK : n;
}

/**
 * A count published beside its total (e.g. male victims of all victims). The complement
 * (total − count) is known from the two, so the count is hidden when either it or its complement
 * is small, and when the total itself is.
 */
export function suppressPart(n: number, total: number): Shown {
  if (isSmall(n)) return PRIMARY_MARK;
  if (isSmall(total) || isSmall(total - n)) return SECONDARY_MARK;
  return n;
}

/** A percentage is shown only when the count it comes from is. One decimal place. */
export function shareOf(n: number, total: number): string | null {
  if (total === 0 || typeof suppressPart(n, total) !== "number") return null;
  return (Math.round((n / total) * 1000) / 10).toFixed(1);
}

export type SuppressedTable = {
  cells: Shown[][];
  rowTotals: Shown[];
  colTotals: Shown[];
  grand: Shown;
};

/**
 * Suppresses a table of counts published with its row totals, column totals and grand total.
 *
 * Primary: every cell from 1 to 4 is "<5". Secondary: a total is hidden ("[c]") whenever its row
 * or column holds a hidden cell, and the grand total whenever any cell is hidden. Subtracting the
 * shown cells from a shown total then never leaves a hidden cell alone, and because a total is
 * hidden for that reason only (not for its size) a "[c]" says nothing about how big it is. We hide
 * totals rather than a second cell: with a second cell hidden, the reader still knows it is not
 * 1 to 4 (it would say "<5"), and that knowledge can pin the first (suppress.test.ts shows the
 * search that checks this).
 */
export function suppressTable(cells: readonly (readonly number[])[]): SuppressedTable {
  const C = cells[0]?.length ?? 0;
  for (const row of cells) {
    if (row.length !== C) throw new Error("Every row of a table must have the same number of cells.");
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new Error("Counts must be whole numbers, 0 or more.");
  }
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const column = (j: number) => cells.map((row) => row[j] ?? 0);
  const total = (xs: readonly number[]): Shown => (xs.some(isSmall) ? SECONDARY_MARK : sum(xs));
  return {
    cells: cells.map((row) => row.map(suppressCount)),
    rowTotals: cells.map(total),
    colTotals: Array.from({ length: C }, (_, j) => total(column(j))),
    grand: total(cells.flat()),
  };
}
