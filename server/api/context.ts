import type { Db } from "~/db/client";
import type { SessionUser } from "~/server/services/sessions";

/** What every procedure receives. Tests build it directly with a temporary database and any user. */
export type Context = {
  db: Db;
  user: SessionUser | null;
  /** The clock, injected so tests can move time. */
  now: () => Date;
};

export function createInnerContext(opts: { db: Db; user: SessionUser | null; now?: () => Date }): Context {
  return { db: opts.db, user: opts.user, now: opts.now ?? (() => new Date()) };
}
