import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { agencies, type privilegedChanges } from "~/db/schema";
import { readPolicyHistory, readPolicyInForce, storePolicyVersion } from "~/server/cases/policy-store";
import { AGENCY_TYPE_LABELS, type AgencyType } from "~/server/domain/agency-types";
import { agencyDiff, agencyShare, withAgencyRow } from "~/server/domain/policy/agency-row";
import type { Policy } from "~/server/domain/policy/define-policy";
import { PolicyError } from "~/server/domain/policy/errors";
import { isBlockedByHardRule } from "~/server/domain/policy/hard-rules";
import { HARD_RULES_IN_PLAIN_ENGLISH, OVERRIDES_RULE, VICTIM_VIEWS_RULE } from "~/server/domain/policy/plain-rules";
import { TAG_LABELS, TAGS, type Tag } from "~/server/domain/tags";
import { AppError } from "~/server/errors";
import type { TProposePolicyChange } from "~/server/schemas/policy";
import { proposeChange } from "./privileged-changes";
import type { SessionUser } from "./sessions";
import { getSettings } from "./settings";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What a policy proposal holds: the agency's new row (null: follow its type's default again). */
export const ZPolicyChange = z.object({ allow: z.array(z.enum(TAGS)).nullable(), basedOnVersion: z.number().int() });

const typeName = (type: AgencyType) => AGENCY_TYPE_LABELS[type].toLowerCase();

function sharedBecause(source: "agency_row" | "type_default", type: AgencyType, own: boolean): string {
  const whose = own ? "your agency" : "this agency";
  return source === "agency_row" ? `the policy has a row of its own for ${whose}` : `this is the default for ${typeName(type)} agencies`;
}

/** One agency's categories under a policy, each with why, in plain English. */
function explainAgency(policy: Policy, agency: { id: string; type: AgencyType }, own: boolean) {
  const share = agencyShare(policy, agency.id, agency.type);
  return {
    source: share.source,
    categories: share.tags.map(({ tag, shared, typeDefault }) => ({
      tag,
      label: TAG_LABELS[tag],
      shared,
      typeDefault,
      why: isBlockedByHardRule(agency.type, tag)
        ? "Never shared: a hard rule that no policy can change."
        : `${shared ? "Shared" : "Not shared"}: ${sharedBecause(share.source, agency.type, own)}.`,
    })),
  };
}

function agencyRow(db: Pick<Db, "select">, id: string) {
  const row = db.select().from(agencies).where(eq(agencies.id, id)).get();
  if (!row) throw new AppError("NOT_FOUND", "There is no agency with that id.");
  return row;
}

/** The /policy page: what the signed-in user's agency gets under the policy in force, and why. */
export function policyForMe(db: Db, user: SessionUser) {
  const { policy } = readPolicyInForce(db);
  const history = readPolicyHistory(db);
  return {
    agencyName: user.agencyName,
    agencyTypeLabel: AGENCY_TYPE_LABELS[user.agencyType],
    agencyIsMember: user.agencyIsMember,
    role: user.role,
    version: policy.version,
    inForceFrom: history[0]?.inForceFrom ?? null,
    ...explainAgency(policy, { id: user.agencyId, type: user.agencyType }, true),
    hardRules: [...HARD_RULES_IN_PLAIN_ENGLISH],
    victimViewsRule: VICTIM_VIEWS_RULE,
    overridesRule: OVERRIDES_RULE,
  };
}

/** The information-sharing protocol, generated from the policy in force (issue 11 section 4). */
export function sharingProtocol(db: Db) {
  const { policy, lawfulBases } = readPolicyInForce(db);
  const rows = db.select().from(agencies).where(eq(agencies.active, true)).orderBy(asc(agencies.name)).all();
  return {
    maracName: getSettings(db).name,
    version: policy.version,
    history: readPolicyHistory(db),
    hardRules: [...HARD_RULES_IN_PLAIN_ENGLISH],
    victimViewsRule: VICTIM_VIEWS_RULE,
    overridesRule: OVERRIDES_RULE,
    agencies: rows.map((a) => {
      const share = agencyShare(policy, a.id, a.type);
      return {
        id: a.id,
        name: a.name,
        typeLabel: AGENCY_TYPE_LABELS[a.type],
        isMaracMember: a.isMaracMember,
        ownRow: share.source === "agency_row",
        shared: share.tags.filter((t) => t.shared).map((t) => t.tag),
        notShared: share.tags.filter((t) => !t.shared).map((t) => t.tag),
        lawfulBasis: lawfulBases[a.type],
      };
    }),
  };
}

/** The admin's list: every active agency with what it is shared now. */
export function policyAgencies(db: Db) {
  const { policy } = readPolicyInForce(db);
  return {
    version: policy.version,
    agencies: db
      .select()
      .from(agencies)
      .where(eq(agencies.active, true))
      .orderBy(asc(agencies.name))
      .all()
      .map((a) => ({ id: a.id, name: a.name, type: a.type, typeLabel: AGENCY_TYPE_LABELS[a.type], ...explainAgency(policy, a, false) })),
  };
}

export function policyAgency(db: Db, agencyId: string) {
  const { policy } = readPolicyInForce(db);
  const a = agencyRow(db, agencyId);
  return { id: a.id, name: a.name, type: a.type, typeLabel: AGENCY_TYPE_LABELS[a.type], version: policy.version, ...explainAgency(policy, a, false) };
}

/** The next policy, or the definePolicy refusal (a hard rule, say) as a plain error on the form. */
function nextPolicy(policy: Policy, agency: { id: string; name: string; type: AgencyType }, allow: readonly Tag[] | null): Policy {
  try {
    return withAgencyRow(policy, agency.id, agency.type, allow);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    const message = `${agency.name}: ${error.message.replace(/^Row for agency "[^"]*": /, "")}`;
    throw new AppError("BAD_REQUEST", message, { allow: [message] });
  }
}

/**
 * The admin proposes a new row for one agency (or a return to its type's default). Refused at once
 * if it changes nothing or breaks a hard rule; otherwise a privileged change a chair decides.
 */
export function proposePolicyChange(db: Db, actor: SessionUser, input: TProposePolicyChange, now: Date): { proposalId: string } {
  return db.transaction((tx) => {
    const { policy } = readPolicyInForce(tx);
    const agency = agencyRow(tx, input.agencyId);
    if (!agency.active) throw new AppError("BAD_REQUEST", `${agency.name} is deactivated. Reactivate it before changing what it is shared.`);
    const allow = input.followTypeDefault ? null : input.allow;
    const next = nextPolicy(policy, agency, allow);
    if (agencyDiff(policy, next, agency.id, agency.type).length === 0 && agencyShare(policy, agency.id, agency.type).source === agencyShare(next, agency.id, agency.type).source) {
      throw new AppError("BAD_REQUEST", `This changes nothing about what ${agency.name} is shared.`, { allow: ["Change at least one category"] });
    }
    const change = ZPolicyChange.parse({ allow, basedOnVersion: policy.version });
    return { proposalId: proposeChange(tx, actor, { kind: "change_policy", targetType: "agency", targetId: agency.id, change }, now) };
  });
}

/** What the chair reads: the agency, each category that changes, and the version it replaces. */
export function describePolicyChange(db: Pick<Db, "select">, p: typeof privilegedChanges.$inferSelect) {
  const c = ZPolicyChange.parse(p.change);
  const agency = db.select().from(agencies).where(and(eq(agencies.id, p.targetId ?? ""))).get();
  if (!agency) return [{ label: "Agency", value: "(removed agency)" }];
  const { policy } = readPolicyInForce(db);
  const lines = [{ label: "Agency", value: `${agency.name} (${AGENCY_TYPE_LABELS[agency.type]})` }];
  let next: Policy;
  try {
    next = withAgencyRow(policy, agency.id, agency.type, c.allow);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return [...lines, { label: "Cannot be approved", value: error.message }];
  }
  const diff = agencyDiff(policy, next, agency.id, agency.type);
  for (const d of diff) {
    lines.push({ label: `${TAG_LABELS[d.tag][0]?.toUpperCase()}${TAG_LABELS[d.tag].slice(1)} information`, value: d.after ? "Not shared now; would be shared" : "Shared now; would no longer be shared" });
  }
  if (diff.length === 0) lines.push({ label: "Categories", value: "No category changes" });
  lines.push({ label: "Row", value: c.allow === null ? `Follow the default for ${typeName(agency.type)} agencies` : "A row of its own for this agency" });
  lines.push({ label: "Policy version", value: `${policy.version} now in force; approving starts version ${policy.version + 1}` });
  return lines;
}

/**
 * Applies an approved policy proposal in the approval's transaction: the agency's row is set on the
 * policy in force now (not the one it was proposed against), checked again by definePolicy, and
 * stored as a new version in force from `now`. Returns the new version number.
 */
export function applyPolicyChange(tx: Tx, approver: SessionUser, p: typeof privilegedChanges.$inferSelect, now: Date): number {
  const c = ZPolicyChange.parse(p.change);
  const { policy, lawfulBases } = readPolicyInForce(tx);
  const agency = agencyRow(tx, p.targetId ?? "");
  const next = nextPolicy(policy, agency, c.allow);
  storePolicyVersion(tx, next, lawfulBases, { proposalId: p.id, proposedBy: p.proposedBy, approvedBy: approver.id }, now);
  return next.version;
}

/**
 * An agency's own row names its type; a row for the old type would stop every projection for that
 * agency (allowedTags throws, decision 015). So a change of type waits until the row is returned
 * to the type default through a policy change.
 */
export function assertNoPolicyRowForOldType(db: Pick<Db, "select">, agency: { id: string; name: string }, newType: AgencyType): void {
  const row = readPolicyInForce(db).policy.agencyRules.get(agency.id);
  if (row && row.agencyType !== newType) {
    throw new AppError("BAD_REQUEST", `${agency.name} has a sharing policy row of its own for its current type. Propose returning it to the type default first, then change its type.`);
  }
}
