import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~/db/client";
import { maracSettings } from "~/db/schema";
import { getAppCipher } from "~/server/crypto/app-cipher";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { viewCase } from "~/server/services/cases";
import { getPack } from "~/server/services/packs";
import { meetingWithCase } from "../helpers/meeting";
import { createTestDb } from "../helpers/test-db";

const NOW = new Date("2026-11-28T10:00:00Z");

/**
 * The PDF worker writes pack disclosures through its own connection (decision 076). A view that
 * read the case and then logged it in one deferred transaction failed with SQLITE_BUSY in WAL mode
 * when the other connection committed in between. A cipher that commits through a second
 * connection at every decryption puts such a commit between the reads and the write.
 */
describe("views logged while another connection writes", () => {
  const t = createTestDb();
  let ctx: Awaited<ReturnType<typeof meetingWithCase>>;
  const other = createDb(t.file);
  // Fail at once rather than wait: this connection's write runs on the same thread as the view.
  other.$client.pragma("busy_timeout = 0");

  beforeAll(async () => {
    ctx = await meetingWithCase(t, NOW, { reps: ["housing"], invite: ["housing"], date: "2026-12-10", publish: true });
  });
  afterAll(() => {
    other.$client.close();
    t.cleanup();
  });

  /** The app's cipher, but every decryption is interrupted by a commit through the other connection. */
  function interruptedCipher(): FieldCipher {
    const cipher = getAppCipher();
    let commits = 0;
    return {
      ...cipher,
      open(sealed, place) {
        try {
          other.$client.pragma(`user_version = ${++commits}`);
        } catch {
          // The view holds the write lock: the other connection waits its turn.
        }
        return cipher.open(sealed, place);
      },
    };
  }

  it("logs a pack read while the other connection commits", () => {
    const pack = getPack(t.db, interruptedCipher(), ctx.rep("housing"), ctx.meetingId, NOW, { surface: "meeting_pack_pdf" });
    expect(pack.cases).toHaveLength(1);
  });

  it("logs a case view read while the other connection commits", () => {
    const view = viewCase(t.db, interruptedCipher(), ctx.coordinator, ctx.caseId, "case_page", NOW);
    expect(view.caseId).toBe(ctx.caseId);
  });

  it("takes the write lock as any transaction begins, so one that reads first still writes", () => {
    let otherRefused = false;
    t.db.transaction((tx) => {
      tx.select().from(maracSettings).all();
      try {
        other.$client.pragma("user_version = 1000");
      } catch {
        otherRefused = true;
      }
      tx.update(maracSettings).set({ name: "T" }).where(eq(maracSettings.id, 1)).run();
    });
    expect(otherRefused).toBe(true);
  });

  it("reads a pack without the write lock, so the server's own writes go on meanwhile", () => {
    let otherWrote = 0;
    let otherRefused = 0;
    const cipher = getAppCipher();
    const counting: FieldCipher = {
      ...cipher,
      open(sealed, place) {
        try {
          other.$client.pragma(`user_version = ${2000 + otherWrote}`);
          otherWrote++;
        } catch {
          // Locked out: the pack's read held the write lock.
          otherRefused++;
        }
        return cipher.open(sealed, place);
      },
    };
    getPack(t.db, counting, ctx.rep("housing"), ctx.meetingId, NOW, { surface: "meeting_pack_pdf" });
    expect(otherWrote).toBeGreaterThan(0);
    expect(otherRefused).toBe(0);
  });
});
