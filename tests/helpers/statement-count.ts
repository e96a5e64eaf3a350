import type Database from "better-sqlite3";
import type { Db } from "~/db/client";

type Statement = Database.Statement<unknown[], unknown>;
const RUNS = ["run", "get", "all", "iterate"] as const;

/**
 * How many SQL statements `run` executes on this database, counting only those whose SQL matches
 * `only` when given. Counted where SQLite runs them (every statement object's run, get, all and
 * iterate), so queries prepared once and reused (db/prepared.ts) count each time they run.
 */
export async function countStatements(db: Db, run: () => Promise<unknown>, only?: RegExp): Promise<number> {
  const client = db.$client;
  const prototype = Object.getPrototypeOf(client.prepare("SELECT 1")) as Record<(typeof RUNS)[number], (this: Statement, ...args: unknown[]) => unknown>;
  const originals = RUNS.map((name) => [name, prototype[name]] as const);
  let count = 0;
  for (const [name, original] of originals) {
    prototype[name] = function (this: Statement, ...args: unknown[]) {
      if (this.database === client && (!only || only.test(this.source))) count += 1;
      return original.apply(this, args);
    };
  }
  try {
    await run();
  } finally {
    for (const [name, original] of originals) prototype[name] = original;
  }
  return count;
}
