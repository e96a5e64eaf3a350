import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "~/tests/helpers/test-db";

// The connection keeps prepared statements by SQL text (db/statement-cache.ts).
describe("prepared statements kept per connection", () => {
  let t: ReturnType<typeof createTestDb>;
  beforeEach(() => {
    t = createTestDb();
    t.db.$client.exec("CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO probe (name) VALUES ('a'), ('b');");
  });
  afterEach(() => t.cleanup());

  it("hands back the same statement for the same SQL, with the values of each call", () => {
    const sql = "SELECT name FROM probe WHERE id = ?";
    const first = t.db.$client.prepare(sql);
    expect(t.db.$client.prepare(sql)).toBe(first);
    expect(t.db.$client.prepare(sql).get(1)).toEqual({ name: "a" });
    expect(t.db.$client.prepare(sql).get(2)).toEqual({ name: "b" });
  });

  it("hands a statement back in its default row mode, whatever the last user switched on", () => {
    const sql = "SELECT id, name FROM probe ORDER BY id";
    t.db.$client.prepare(sql).raw(true);
    expect(t.db.$client.prepare(sql).all()).toEqual([{ id: 1, name: "a" }, { id: 2, name: "b" }]);
    t.db.$client.prepare(sql).pluck(true);
    expect(t.db.$client.prepare(sql).get()).toEqual({ id: 1, name: "a" });
  });

  it("never shares a statement that is still being iterated", () => {
    const sql = "SELECT name FROM probe ORDER BY id";
    const names: string[] = [];
    for (const row of t.db.$client.prepare(sql).iterate() as IterableIterator<{ name: string }>) {
      names.push(row.name, ...(t.db.$client.prepare(sql).all() as { name: string }[]).map((r) => r.name));
    }
    expect(names).toEqual(["a", "a", "b", "b", "a", "b"]);
  });

  it("sees rows and columns changed since the statement was prepared", () => {
    const sql = "SELECT * FROM probe WHERE id = 1";
    expect(t.db.$client.prepare(sql).get()).toEqual({ id: 1, name: "a" });
    t.db.$client.exec("UPDATE probe SET name = 'c' WHERE id = 1; ALTER TABLE probe ADD COLUMN note TEXT;");
    expect(t.db.$client.prepare(sql).get()).toEqual({ id: 1, name: "c", note: null });
  });
});
