import type { Db } from "~/db/client";

/**
 * How many SQL statements `run` prepares on this database (Drizzle prepares one for every query
 * it runs), counting only those whose SQL matches `only` when given.
 */
export async function countStatements(db: Db, run: () => Promise<unknown>, only?: RegExp): Promise<number> {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  let count = 0;
  client.prepare = (source: string) => {
    if (!only || only.test(source)) count += 1;
    return prepare(source);
  };
  try {
    await run();
  } finally {
    client.prepare = prepare;
  }
  return count;
}
