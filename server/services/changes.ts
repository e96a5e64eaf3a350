/** Names of the fields whose values differ: what audit entries and conflict messages report. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((k) => k !== "version" && k !== "id" && after[k] !== undefined && after[k] !== before[k]);
}

/** The named fields of an object, for audit entries about non-restricted admin data. */
export function pick<T extends Record<string, unknown>>(obj: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => keys.includes(k))) as Partial<T>;
}
