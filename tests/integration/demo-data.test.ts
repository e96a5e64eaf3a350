import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ZReferralImportFile, type TReferralImportFile } from "~/server/cases/import-schema";
import { listCatalogue } from "~/server/domain";

/**
 * The shipped example import file and the demo area's seed cases must stay valid against the
 * import schema, and stay useful as demo data (enough cases, known agencies, a repeat victim).
 */

const EXAMPLE_PATH = "docs/examples/referrals.json";
const DEMO_PATH = "db/seed/demo-cases.json";

const DEMO_AGENCY_NAMES = [
  "Northshire Police",
  "Northshire Domestic Abuse Service (IDVA)",
  "Saheli Women's Project",
  "Northshire Children's Social Care",
  "Northshire Adult Social Care",
  "Northshire NHS Foundation Trust",
  "Northshire Mental Health Partnership",
  "Northshire Homes",
  "Probation Service, Northshire",
  "Northshire Schools Safeguarding Team",
  "Northshire Recovery Service",
];

/** Catalogue paths an import file does not carry: ids MARAC Desk assigns, and the member-agency id. */
const NOT_IN_IMPORTS = new Set(["caseId", "caseNumber", "referring.agencyId"]);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

/** Parses a file, failing with every zod issue and its path so a broken record is easy to find. */
function parseFile(path: string): TReferralImportFile {
  const result = ZReferralImportFile.safeParse(readJson(path));
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    expect.fail(`${path} does not match ZReferralImportFile:\n${issues.join("\n")}`);
  }
  return result.data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether a raw (pre-default) value is "used": present and, for text, lists and groups, not empty. */
function isUsed(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value) && typeof value.text === "string" && Array.isArray(value.spans)) return value.text.trim() !== "";
  return true;
}

/** The values at a catalogue path ("perpetrators[].address") in one raw referral; lists fan out. */
function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const segment of path.split(".")) {
    const isList = segment.endsWith("[]");
    const key = isList ? segment.slice(0, -2) : segment;
    const next: unknown[] = [];
    for (const value of current) {
      if (!isRecord(value)) continue;
      const child = value[key];
      if (isList) {
        if (Array.isArray(child)) next.push(...(child as unknown[]));
      } else {
        next.push(child);
      }
    }
    current = next;
  }
  return current;
}

function rawReferrals(path: string): unknown[] {
  const raw = readJson(path);
  if (!isRecord(raw) || !Array.isArray(raw.referrals)) throw new Error(`${path} has no referrals list`);
  return raw.referrals as unknown[];
}

function unusedPaths(referrals: unknown[]): string[] {
  return listCatalogue()
    .map((row) => row.path)
    .filter((path) => !NOT_IN_IMPORTS.has(path))
    .filter((path) => !referrals.some((referral) => valuesAt(referral, path).some(isUsed)));
}

/** Lower case, no accents, letters and spaces only: "Parveen  Akhtar" and "parveen akhtar" match. */
function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

describe("demo data files", () => {
  it("the example file parses as an import file", () => {
    expect(parseFile(EXAMPLE_PATH).referrals.length).toBeGreaterThanOrEqual(1);
  });

  it("the demo seed file parses as an import file and has at least 30 referrals", () => {
    expect(parseFile(DEMO_PATH).referrals.length).toBeGreaterThanOrEqual(30);
  });

  it.each([EXAMPLE_PATH, DEMO_PATH])("%s uses only the demo area's agency names", (path) => {
    const unknown = parseFile(path)
      .referrals.map((referral) => referral.referring.agencyName)
      .filter((name) => !DEMO_AGENCY_NAMES.includes(name));
    expect(unknown).toEqual([]);
  });

  it("the example file uses every field of the case record at least once", () => {
    expect(unusedPaths(rawReferrals(EXAMPLE_PATH))).toEqual([]);
  });

  it("the example file uses the optional status and leaves it out at least once", () => {
    const statuses = rawReferrals(EXAMPLE_PATH).map((referral) => (isRecord(referral) ? referral.status : undefined));
    expect(statuses.some((status) => status !== undefined)).toBe(true);
    expect(statuses.some((status) => status === undefined)).toBe(true);
  });

  it("the demo file populates every victim, perpetrator and household-member field somewhere", () => {
    const referrals = rawReferrals(DEMO_PATH);
    const prefixes = ["victim.", "perpetrators[].", "householdMembers[]."];
    const unused = unusedPaths(referrals).filter((path) => prefixes.some((prefix) => path.startsWith(prefix)));
    expect(unused).toEqual([]);
  });

  it("the demo file has at least one repeat victim (same normalised name and date of birth)", () => {
    const seen = new Map<string, number>();
    for (const referral of parseFile(DEMO_PATH).referrals) {
      const { name, dateOfBirth } = referral.victim;
      if (dateOfBirth === undefined) continue;
      const key = `${normaliseName(name)}|${dateOfBirth}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const repeats = [...seen].filter(([, count]) => count > 1).map(([key]) => key);
    expect(repeats.length).toBeGreaterThanOrEqual(1);
  });

  it("every demo repeat referral points back to an earlier referral of the same victim", () => {
    const referrals = parseFile(DEMO_PATH).referrals;
    const names = (r: (typeof referrals)[number]) =>
      [r.victim.name, ...r.victim.aliases].map(normaliseName);
    for (const referral of referrals.filter((r) => r.criteria.repeat)) {
      const earlier = referrals.filter(
        (other) =>
          other !== referral &&
          other.victim.dateOfBirth === referral.victim.dateOfBirth &&
          other.referring.referralDate < referral.referring.referralDate &&
          names(other).some((name) => names(referral).includes(name)),
      );
      expect(earlier.length, referral.victim.name).toBeGreaterThan(0);
      expect(referral.criteria.lastMaracReferralDate, referral.victim.name).toBeDefined();
    }
  });
});
