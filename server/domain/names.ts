/**
 * Name normalisation for search (and, later, repeat matching): case, spacing, punctuation and
 * accents do not matter. "Zoë O'Brien-Smith" and "zoe obrien smith" give the same tokens.
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The distinct words of a normalised name, for a prefix index. */
export function nameTokens(name: string): string[] {
  const n = normaliseName(name);
  return n === "" ? [] : [...new Set(n.split(" "))];
}
