import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client";
import { agencies, agencyIdentityProviders, privilegedChanges, sessions, users } from "~/db/schema";
import { writeAudit } from "~/server/audit/log";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { AppError } from "~/server/errors";
import type { TIdentityProvider } from "~/server/schemas/identity-provider";
import { proposeChange } from "./privileged-changes";
import type { SessionUser } from "./sessions";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Where each sealed client secret belongs: one copied to another agency's row fails to open. */
const secretPlace = (agencyId: string) => `agency_identity_providers:${agencyId}:client_secret`;
const proposedSecretPlace = (agencyId: string) => `privileged_changes:set_identity_provider:${agencyId}:client_secret`;

/** A proposal as stored: the secret sealed, never in the clear (and never in the audit log). */
export const ZProposedIdentityProvider = z.object({
  issuer: z.string(),
  clientId: z.string(),
  sealedSecret: z.string(),
  allowedDomains: z.array(z.string()),
});

/** The Auth.js provider id for an agency: the callback is /api/auth/callback/<this>. */
export const providerIdFor = (agencyId: string) => `agency-${agencyId}`;
export const agencyIdFromProviderId = (id: string): string | null => (id.startsWith("agency-") ? id.slice("agency-".length) : null);

function domainOwner(db: Pick<Db, "select">, domains: string[], exceptAgencyId: string): string | null {
  for (const row of db.select().from(agencyIdentityProviders).all()) {
    if (row.agencyId !== exceptAgencyId && row.allowedDomains.some((d) => domains.includes(d))) return row.agencyId;
  }
  return null;
}

/**
 * The admin proposes an agency's identity provider; a chair who is not the proposer approves it
 * (decision 033). The secret is sealed in the proposal at once; the audit entry leaves it out.
 */
export function proposeIdentityProvider(db: Db, cipher: FieldCipher, admin: SessionUser, input: TIdentityProvider, now: Date): { proposalId: string } {
  return db.transaction((tx) => {
    const agency = tx.select().from(agencies).where(eq(agencies.id, input.agencyId)).get();
    if (!agency) throw new AppError("NOT_FOUND", "There is no such agency.");
    const owner = domainOwner(tx, input.allowedDomains, agency.id);
    if (owner) {
      throw new AppError("BAD_REQUEST", "Another agency already signs in users of one of these email domains.", {
        allowedDomains: ["Each email domain can belong to one agency's identity provider only"],
      });
    }
    const change = {
      issuer: input.issuer,
      clientId: input.clientId,
      sealedSecret: cipher.seal(input.clientSecret, proposedSecretPlace(agency.id)),
      allowedDomains: input.allowedDomains,
    } satisfies z.infer<typeof ZProposedIdentityProvider>;
    const proposalId = proposeChange(tx, admin, { kind: "set_identity_provider", targetType: "agency", targetId: agency.id, change }, now);
    return { proposalId };
  });
}

/** What the proposal's audit entries and the chair's screen may show: everything but the secret. */
export function withoutSecret(change: Record<string, unknown>): Record<string, unknown> {
  const { sealedSecret: _secret, ...rest } = change;
  return rest;
}

/** Applies an approved proposal inside the approval's transaction: the secret is sealed again for its row. */
export function applyIdentityProvider(tx: Tx, cipher: FieldCipher, agencyId: string, stored: Record<string, unknown>, changeId: string, now: Date): void {
  const c = ZProposedIdentityProvider.parse(stored);
  const agency = tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) throw new AppError("NOT_FOUND", "The agency in this proposal no longer exists.");
  if (domainOwner(tx, c.allowedDomains, agencyId)) throw new AppError("BAD_REQUEST", "Another agency now signs in users of one of these email domains. An admin must propose it again.");
  const row = {
    issuer: c.issuer,
    clientId: c.clientId,
    clientSecret: cipher.seal(cipher.open(c.sealedSecret, proposedSecretPlace(agencyId)), secretPlace(agencyId)),
    allowedDomains: c.allowedDomains,
    changeId,
    updatedAt: now,
  };
  tx.insert(agencyIdentityProviders).values({ agencyId, ...row }).onConflictDoUpdate({ target: agencyIdentityProviders.agencyId, set: row }).run();
}

/** The admin's view of an agency's identity provider: never the secret. */
export function identityProviderOf(db: Db, agencyId: string, now: Date) {
  const agency = db.select().from(agencies).where(eq(agencies.id, agencyId)).get();
  if (!agency) throw new AppError("NOT_FOUND", "There is no such agency.");
  const row = db.select().from(agencyIdentityProviders).where(eq(agencyIdentityProviders.agencyId, agencyId)).get();
  const pending = db
    .select({ id: privilegedChanges.id })
    .from(privilegedChanges)
    .where(and(eq(privilegedChanges.kind, "set_identity_provider"), eq(privilegedChanges.targetId, agencyId), eq(privilegedChanges.status, "pending"), gt(privilegedChanges.expiresAt, now)))
    .get();
  return {
    agencyId,
    agencyName: agency.name,
    configured: row ? { issuer: row.issuer, clientId: row.clientId, allowedDomains: row.allowedDomains, updatedAt: row.updatedAt } : null,
    pendingProposal: pending !== undefined,
  };
}

/** An agency's provider as Auth.js needs it, with the secret opened. */
export type AgencyProvider = { agencyId: string; agencyName: string; issuer: string; clientId: string; clientSecret: string; allowedDomains: string[] };

/** The providers of active agencies, for the sign-in configuration built per request. */
export function activeIdentityProviders(db: Db, cipher: FieldCipher): AgencyProvider[] {
  return db
    .select({ p: agencyIdentityProviders, name: agencies.name })
    .from(agencyIdentityProviders)
    .innerJoin(agencies, eq(agencies.id, agencyIdentityProviders.agencyId))
    .where(eq(agencies.active, true))
    .all()
    .map(({ p, name }) => ({
      agencyId: p.agencyId,
      agencyName: name,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecret: cipher.open(p.clientSecret, secretPlace(p.agencyId)),
      allowedDomains: p.allowedDomains,
    }));
}

/** The agency whose identity provider signs in this email's domain, if any. */
export function identityProviderForEmail(db: Db, email: string): { agencyId: string; agencyName: string } | null {
  const domain = email.trim().toLowerCase().split("@").at(-1) ?? "";
  const row = db
    .select({ agencyId: agencyIdentityProviders.agencyId, agencyName: agencies.name, domains: agencyIdentityProviders.allowedDomains })
    .from(agencyIdentityProviders)
    .innerJoin(agencies, eq(agencies.id, agencyIdentityProviders.agencyId))
    .where(eq(agencies.active, true))
    .all()
    .find((r) => r.domains.includes(domain));
  return row ? { agencyId: row.agencyId, agencyName: row.agencyName } : null;
}

/**
 * An admin switches an agency's single sign-on off: it narrows access, so it is direct (decision
 * 033), audited, and ends the sessions that signed in through it.
 */
export function removeIdentityProvider(db: Db, admin: SessionUser, agencyId: string, now: Date): void {
  db.transaction((tx) => {
    const gone = tx.delete(agencyIdentityProviders).where(eq(agencyIdentityProviders.agencyId, agencyId)).returning({ id: agencyIdentityProviders.agencyId }).get();
    if (!gone) throw new AppError("NOT_FOUND", "This agency has no single sign-on set up.");
    const theirs = tx.select({ id: users.id }).from(users).where(eq(users.agencyId, agencyId));
    tx.update(sessions)
      .set({ endedAt: now, endReason: "ended_by_admin" })
      .where(and(inArray(sessions.userId, theirs), eq(sessions.signInMethod, "sso"), isNull(sessions.endedAt)))
      .run();
    writeAudit(tx, { at: now, actorUserId: admin.id, action: "agency.identity_provider_removed", targetType: "agency", targetId: agencyId });
  });
}
