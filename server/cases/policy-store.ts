import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { policyRows, policyVersions, users } from "~/db/schema";
import type { AgencyType } from "~/server/domain/agency-types";
import { DEFAULT_POLICY } from "~/server/domain/policy/default-policy";
import { definePolicy, type Policy, policyToInput } from "~/server/domain/policy/define-policy";
import { DEFAULT_LAWFUL_BASES } from "~/server/domain/policy/lawful-basis";
import type { Tag } from "~/server/domain/tags";

type Reader = Pick<Db, "select">;
type Writer = Pick<Db, "select" | "insert">;

/** The policy in force with the lawful basis recorded for each agency type. */
export interface PolicyInForce {
  readonly policy: Policy;
  readonly lawfulBases: Readonly<Record<AgencyType, string>>;
}

const BUILT_IN: PolicyInForce = { policy: DEFAULT_POLICY, lawfulBases: DEFAULT_LAWFUL_BASES };

// Versions are append-only, so a version id always means the same rows: cache by the latest id
// (random, so two databases in one process never share an entry) instead of rebuilding per request.
let cached: { id: string; value: PolicyInForce } | null = null;

function loadVersion(db: Reader, id: string, version: number): PolicyInForce {
  const rows = db.select().from(policyRows).where(eq(policyRows.policyVersionId, id)).orderBy(asc(policyRows.id)).all();
  const typeRows = rows.filter((r) => r.agencyId === null);
  const policy = definePolicy({
    version,
    typeDefaults: typeRows.map((r) => ({ agencyType: r.agencyType, allow: r.allow })),
    agencyRules: rows.flatMap((r) => (r.agencyId === null ? [] : [{ agencyId: r.agencyId, agencyType: r.agencyType, allow: r.allow }])),
  });
  const lawfulBases = { ...DEFAULT_LAWFUL_BASES };
  for (const r of typeRows) if (r.lawfulBasis) lawfulBases[r.agencyType] = r.lawfulBasis;
  return { policy, lawfulBases };
}

// Read for every projection: built once per connection.
const latestVersion = preparedQuery((db) => db.select({ id: policyVersions.id, version: policyVersions.version }).from(policyVersions).orderBy(desc(policyVersions.version)).limit(1).prepare());

/**
 * The sharing policy in force: the latest stored version, or the built-in version 1 while none is
 * stored. A stored version that no longer passes definePolicy (a hard rule) throws: fail closed.
 */
export function readPolicyInForce(db: Reader): PolicyInForce {
  const latest = latestVersion(db).get();
  if (!latest) return BUILT_IN;
  if (cached?.id === latest.id) return cached.value;
  const value = loadVersion(db, latest.id, latest.version);
  cached = { id: latest.id, value };
  return value;
}

/**
 * Stores `next` as a new version in force from `now`, made by an approved proposal. Every row is
 * written, so the version reads back whole; lawful bases carry over from the version before.
 */
export function storePolicyVersion(
  tx: Writer,
  next: Policy,
  lawfulBases: Readonly<Record<AgencyType, string>>,
  made: { proposalId: string; proposedBy: string; approvedBy: string },
  now: Date,
): void {
  const { id } = tx.insert(policyVersions).values({ version: next.version, ...made, inForceFrom: now }).returning({ id: policyVersions.id }).get();
  // definePolicy has checked every agency type and tag, so the plain strings are known values.
  const input = policyToInput(next);
  tx.insert(policyRows)
    .values([
      ...input.typeDefaults.map((r) => ({ policyVersionId: id, agencyType: r.agencyType as AgencyType, agencyId: null, allow: [...r.allow] as Tag[], lawfulBasis: lawfulBases[r.agencyType as AgencyType] })),
      ...(input.agencyRules ?? []).map((r) => ({ policyVersionId: id, agencyType: r.agencyType as AgencyType, agencyId: r.agencyId, allow: [...r.allow] as Tag[], lawfulBasis: null })),
    ])
    .run();
}

/** Every version with who proposed and approved it, newest first; version 1 is the built-in default. */
export function readPolicyHistory(db: Reader): { version: number; inForceFrom: Date | null; proposedByName: string | null; approvedByName: string | null }[] {
  const rows = db.select().from(policyVersions).orderBy(desc(policyVersions.version)).all();
  const name = (id: string) => db.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? "a former user";
  return [
    ...rows.map((r) => ({ version: r.version, inForceFrom: r.inForceFrom, proposedByName: name(r.proposedBy), approvedByName: name(r.approvedBy) })),
    { version: 1, inForceFrom: null, proposedByName: null, approvedByName: null },
  ];
}
