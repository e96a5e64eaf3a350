import type { Db } from "./client";

/** Anything that runs queries on a connection: the database, a transaction on it, or a narrowed view of either. */
type Queries = Pick<Db, "select"> | Pick<Db, "insert">;

/**
 * A query whose SQL Drizzle builds once per database connection instead of on every call: `build`
 * makes it with `sql.placeholder(...)` for its values and ends in `.prepare()`. On a case page
 * Drizzle's query building costs more CPU than SQLite running the queries (decision 082).
 *
 * Kept per Drizzle session, which a database shares with every transaction opened on it
 * (drizzle-orm/better-sqlite3/session.js): a statement runs inside the caller's transaction and sees
 * its uncommitted writes, and each database (the server's, the PDF worker's, each test's) has its
 * own. A placeholder compared with `eq` is bound as given, so pass values as the column stores them.
 */
export function preparedQuery<T>(build: (db: Db) => T): (db: Queries) => T {
  const bySession = new WeakMap<object, T>();
  return (db) => {
    const session = sessionOf(db);
    let query = bySession.get(session);
    if (query === undefined) {
      // A transaction has the same query builders as its database, on the same connection.
      query = build(db as Db);
      bySession.set(session, query);
    }
    return query;
  };
}

// Drizzle keeps the session on every database and transaction object but leaves it out of its types.
function sessionOf(db: Queries): object {
  const session = (db as unknown as { session?: object }).session;
  if (!session) throw new Error("preparedQuery needs a Drizzle database or transaction.");
  return session;
}
