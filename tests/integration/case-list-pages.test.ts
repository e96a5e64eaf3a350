import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { writeCaseRows } from "~/server/cases/case-store";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { buildCase } from "~/server/domain/testing/build-case";
import { randomSource } from "~/server/domain/testing/sources";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");

/**
 * The case list pages by keyset (issue #14 §4): "Next page" and "Previous page" carry the row next
 * to them, so a link shows the same cases after new referrals arrive, and where a page sits in the
 * list is counted, not skipped to.
 */
describe("case list pages", () => {
  const t = createTestDb();
  const api = (user: SessionUser) => createCaller(createInnerContext({ db: t.db, user, now: () => NOW }));
  let chair: SessionUser;
  let housing: SessionUser;
  let accepted = 0;

  /** A case referred on `day` of November 2026 (several share a day, so the case number breaks ties). */
  function addCase(i: number, day: number, status: "accepted" | "referred", referringAgencyId: string) {
    const base = buildCase(randomSource(i + 1)).record;
    const record = { ...base, caseId: `case-${i}`, caseNumber: `TS-2026-${String(i).padStart(4, "0")}`, referring: { ...base.referring, referralDate: `2026-11-${String(day).padStart(2, "0")}` } };
    t.db.transaction((tx) =>
      writeCaseRows(tx, getAppCipher(), record, { status, referringAgencyId, acceptedAt: status === "accepted" ? NOW : null, version: 1, createdAt: NOW, updatedAt: NOW, createdByUserId: null }),
    );
    if (status === "accepted") accepted += 1;
  }

  beforeAll(async () => {
    ensureSettings(t.db, "Test MARAC", NOW, "TS");
    chair = await sessionUserFor(t.db, "chair", "police");
    housing = await sessionUserFor(t.db, "agency_rep", "housing");
    const police = makeAgency(t.db, { name: "Referring Police", type: "police" });
    for (let i = 1; i <= 60; i++) addCase(i, 1 + (i % 20), i % 5 === 0 ? "referred" : "accepted", police.id);
  });
  afterAll(() => t.cleanup());

  const numbers = (page: { rows: { caseNumber: string }[] }) => page.rows.map((r) => r.caseNumber);

  it("walks forward and back through every case once, newest referral first", async () => {
    const first = await api(chair).cases.list({});
    expect(first).toMatchObject({ total: 60, start: 1, previous: null });
    expect(first.rows).toHaveLength(25);
    const second = await api(chair).cases.list({ after: first.next ?? undefined });
    expect(second.start).toBe(26);
    const third = await api(chair).cases.list({ after: second.next ?? undefined });
    expect(third).toMatchObject({ start: 51, next: null });
    expect(third.rows).toHaveLength(10);

    const all = [...numbers(first), ...numbers(second), ...numbers(third)];
    expect(new Set(all).size).toBe(60);
    const keys = [...first.rows, ...second.rows, ...third.rows].map((r) => `${r.referralDate} ${r.caseNumber}`);
    expect(keys).toEqual([...keys].sort().reverse());

    const back = await api(chair).cases.list({ before: third.previous ?? undefined });
    expect(numbers(back)).toEqual(numbers(second));
    expect(back.start).toBe(26);
    const home = await api(chair).cases.list({ before: back.previous ?? undefined });
    expect(numbers(home)).toEqual(numbers(first));
    expect(home.previous).toBeNull();
  });

  it("keeps a page's cases when a new referral arrives, and counts the new place", async () => {
    const first = await api(chair).cases.list({});
    const before = await api(chair).cases.list({ after: first.next ?? undefined });
    addCase(61, 28, "accepted", chair.agencyId);
    const after = await api(chair).cases.list({ after: first.next ?? undefined });
    expect(numbers(after)).toEqual(numbers(before));
    expect(after.start).toBe(before.start + 1);
    expect(after.total).toBe(before.total + 1);
  });

  it("pages an agency representative through only the cases it may open, whatever cursor it sends", async () => {
    const seen: string[] = [];
    let page = await api(housing).cases.list({});
    seen.push(...numbers(page));
    while (page.next) {
      page = await api(housing).cases.list({ after: page.next });
      seen.push(...numbers(page));
    }
    expect(seen).toHaveLength(accepted);
    // A cursor naming a referred case it may not open shows nothing of that case.
    const hidden = await api(housing).cases.list({ after: { referralDate: "2026-11-21", caseNumber: "TS-2026-0060" } });
    expect(numbers(hidden)).not.toContain("TS-2026-0060");
    expect(hidden.rows.every((r) => r.status === "accepted")).toBe(true);
  });

  it("refuses a malformed place in the list with a clear error", async () => {
    await expect(api(chair).cases.list({ after: { referralDate: "21/11/2026", caseNumber: "TS-2026-0001" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api(chair).cases.list({ after: { referralDate: "2026-11-21", caseNumber: "" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
