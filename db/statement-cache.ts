import type Database from "better-sqlite3";

/** Enough for every distinct query the app makes; lists of varying length (IN (?, ?, …)) make more, so the oldest go. */
const MAX_STATEMENTS = 500;

/**
 * Keeps prepared statements by their SQL text, so a query run on every request is compiled by
 * SQLite once rather than each time (Drizzle prepares anew on every call). Values are always bound
 * at run time, so a statement carries no data from one use to the next. A statement is handed back
 * in its default row mode (Drizzle switches some to raw arrays), and one still being iterated is
 * never shared.
 */
export function cachePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const found = kept.get(source);
    if (found && !found.busy) {
      // Most recently used last, so the first entry is the one to drop.
      kept.delete(source);
      kept.set(source, found);
      if (found.reader) found.raw(false).pluck(false).expand(false);
      return found;
    }
    const statement = prepare(source);
    if (!found) {
      kept.set(source, statement);
      if (kept.size > MAX_STATEMENTS) kept.delete(kept.keys().next().value as string);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
