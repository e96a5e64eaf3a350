import type { Db } from "~/db/client";

/**
 * Every table's row count as one string, to check that a refused call wrote nothing: compare the
 * value before and after.
 */
export function rowCounter(db: Db): () => string {
  const tables = (db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  const counts = db.$client.prepare(`select ${tables.map((n) => `(select count(*) from "${n}")`).join(" || ',' || ")} as c`);
  return () => (counts.get() as { c: string }).c;
}
