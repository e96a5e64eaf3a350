import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateStep } from "~/app/(app)/referrals/validate";
import { makeAgency } from "~/db/factories";
import { patchFromValues, valuesFromDraft } from "~/components/referral/form-model";
import { isFormStep, REFERRAL_STEPS, type FormStep } from "~/components/referral/steps";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { ZReferralImportFile } from "~/server/cases/import-schema";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { importReferrals } from "~/server/services/case-import";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { hostileInput, type SchemaNode } from "../helpers/hostile-input";
import { asReferral, importFile } from "../helpers/referrals";
import { rowCounter } from "../helpers/row-counts";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

/** Inputs per form page and for the import parser (issue #14 §6), from a fixed seed so a failure replays. */
const RUNS = 1000;
const SEED = 20261129;

/** What a browser (or anyone with curl) can put in a form field: always a string, but any string. */
const formText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", " ", "yes", "no", "on", "0", "-1", "51", "1e308", "NaN", "2026-02-30", "9999-99-99", "1990-03-12", "remove-0", "x".repeat(100_000), "😀".repeat(20_000), "\u0000", "\ud800", "<script>alert(1)</script>", "'; DROP TABLE cases; --"),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer({ min: -3, max: 60 }).map(String),
);

/**
 * The referral form's server action (saveStepAction) turns posted fields into a patch, saves it
 * through `referrals.save` and checks the page with `validateStep`. These are the same steps, fed
 * hostile form posts for every page: each field the page has, sometimes missing, sometimes joined
 * by fields it does not have.
 */
describe("the referral form's pages under hostile posts", () => {
  const t = createTestDb();
  let rep: SessionUser;
  const api = () => createCaller(createInnerContext({ db: t.db, user: rep }));
  const steps = REFERRAL_STEPS.map((s) => s.slug).filter((s): s is FormStep => isFormStep(s));
  const { caseId: _i, caseNumber: _n, referring: _r, ...filled } = makeSampleCase();

  beforeAll(async () => {
    ensureSettings(t.db, "Fuzz MARAC", new Date(), "FZ");
    rep = await sessionUserFor(t.db, "agency_rep", "housing");
  });
  afterAll(() => t.cleanup());

  it.each(steps)("the %s page saves or refuses every post, never fails, and its check returns messages", async (step) => {
    const { id: draftId } = await api().referrals.start();
    // The page's own field names, from a filled draft, so the posts reach every field's parsing.
    const fields = Object.keys(valuesFromDraft(step, filled));
    expect(fields.length).toBeGreaterThan(0);
    const post = fc.tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, formText])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 20 }), formText, { maxKeys: 3 }),
      fc.constantFrom("continue", "add", "later", "remove-0", "remove-49", "remove-x", "other"),
    );

    await fc.assert(
      fc.asyncProperty(post, async ([known, unknown, intent]) => {
        const values: Record<string, string> = { ...unknown };
        for (const [k, v] of Object.entries(known)) if (v !== undefined) values[k] = v;
        const draft = await api().referrals.draft({ draftId });
        const { patch, errors } = patchFromValues(step, values, intent, draft.content);
        try {
          await api().referrals.save({ draftId, version: draft.version, patch });
        } catch (e) {
          if (!(e instanceof TRPCError)) throw e;
          expect(e.code, `${step}: a server error: ${String(e.cause ?? e.message)}`).not.toBe("INTERNAL_SERVER_ERROR");
          expect((await api().referrals.draft({ draftId })).version, `${step}: refused but the draft changed`).toBe(draft.version);
        }
        for (const messages of Object.values(validateStep(step, patch, errors))) {
          expect(messages.length).toBeGreaterThan(0);
          for (const m of messages) expect(m.trim()).not.toBe("");
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 300_000);
});

/**
 * The import parser: whole files generated from the import schema, and valid files with one value
 * replaced by something hostile. A file either imports whole or is refused with problems that name
 * where they are, and a refused file writes nothing.
 */
describe("the import parser under hostile files", () => {
  const t = createTestDb();
  const cipher = getAppCipher();
  const rowCounts = rowCounter(t.db);
  const valid = () => asReferral(makeSampleCase(), "Fuzz Police");

  beforeAll(() => {
    ensureSettings(t.db, "Fuzz MARAC", new Date(), "FZ");
    makeAgency(t.db, { name: "Fuzz Police", type: "police" });
  });
  afterAll(() => t.cleanup());

  /** Imports the file or checks its refusal; says whether it imported. */
  function check(document: unknown): boolean {
    const before = rowCounts();
    const result = importReferrals(t.db, cipher, null, document, new Date());
    if (result.ok) {
      expect(result.caseNumbers.length).toBe((document as { referrals: unknown[] }).referrals.length);
      return true;
    }
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.path).toMatch(/^\$/);
      expect(issue.message.trim()).not.toBe("");
    }
    expect(rowCounts(), "a refused file wrote rows").toBe(before);
    return false;
  }

  it("refuses or imports whole files generated from its own schema", () => {
    const node = z.toJSONSchema(ZReferralImportFile, { unrepresentable: "any", io: "input" }) as SchemaNode;
    fc.assert(
      fc.property(hostileInput(node), (document) => {
        check(document);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 300_000);

  it("imports or refuses a valid file with any one value made hostile, naming where", () => {
    // Every path to a value in a valid referral, then one of them replaced.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(importFile(valid()), []);
    const hostile = hostileInput({});
    const outcomes = { imported: 0, refused: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), hostile, (path, value) => {
        const document = structuredClone(importFile(valid())) as unknown as Record<string | number, unknown>;
        let at = document;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        at[path[path.length - 1] as string | number] = value;
        outcomes[check(document) ? "imported" : "refused"]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both outcomes are reached: the replaced values are neither all harmless nor all refused.
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 300_000);
});
