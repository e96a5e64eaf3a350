import type { Db } from "~/db/client";
import { getAppCipher } from "~/server/crypto/app-cipher";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { SessionUser } from "~/server/services/sessions";

/** What every procedure receives. Tests build it directly with a temporary database and any user. */
export type Context = {
  db: Db;
  /** Encrypts and decrypts case values at rest. */
  cipher: FieldCipher;
  user: SessionUser | null;
  /** The clock, injected so tests can move time. */
  now: () => Date;
  /** How the call arrived: a server-rendered page (rsc) or the HTTP API. Recorded in the disclosure log. */
  transport: "rsc" | "http";
  /** The client address, for the per-address throttle on authenticator codes (decision 034). */
  clientAddress: string | null;
};

export function createInnerContext(opts: { db: Db; user: SessionUser | null; now?: () => Date; cipher?: FieldCipher; transport?: Context["transport"]; clientAddress?: string | null }): Context {
  return { db: opts.db, cipher: opts.cipher ?? getAppCipher(), user: opts.user, now: opts.now ?? (() => new Date()), transport: opts.transport ?? "http", clientAddress: opts.clientAddress ?? null };
}
