import { z } from "zod";
import { PRIVILEGED_CHANGE_KINDS } from "~/server/domain/privileged-changes";
import { AGENCY_TYPES } from "~/server/domain/agency-types";
import { ROLES } from "~/server/domain/roles";

/**
 * What may cross the network. Strict objects: a key the schema does not name fails the response
 * (a 500 in tests) instead of leaking silently.
 */
export const ZAgencyDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(AGENCY_TYPES),
  isMaracMember: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const ZAgencyListItemDto = ZAgencyDto.extend({ userCount: z.number().int() });

export const ZUserDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  agencyType: z.enum(AGENCY_TYPES),
  role: z.enum(ROLES),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZSettingsDto = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  caseNumberPrefix: z.string(),
  dashThreshold: z.number().int(),
  escalationIncidents: z.number().int(),
  repeatWindowMonths: z.number().int(),
  retentionMonths: z.number().int(),
  adultFemalePopulation: z.number().int().nullable(),
  confidentialityStatement: z.string(),
  version: z.number().int(),
  updatedAt: z.date(),
});

export const ZMeDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  agencyId: z.string(),
  agencyName: z.string(),
  agencyType: z.enum(AGENCY_TYPES),
  /** Whether the user's agency attends MARAC (Immigration Enforcement never does). */
  agencyIsMember: z.boolean(),
});

export const ZIdDto = z.strictObject({ id: z.string() });

/** An admin's change that also asked a chair to approve part of it (role, agency, type, membership). */
export const ZProposalRefDto = z.strictObject({ proposalId: z.string().nullable() });

export const ZPasswordNoticeDto = z.strictObject({
  kind: z.enum(["reset", "new_account"]),
  proposedByName: z.string(),
  approvedByName: z.string(),
  at: z.date(),
});

export const ZPendingChangeDto = z.strictObject({
  id: z.string(),
  kind: z.enum(PRIVILEGED_CHANGE_KINDS),
  title: z.string(),
  lines: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  proposedById: z.string(),
  proposedByName: z.string(),
  proposedAt: z.date(),
  expiresAt: z.date(),
});

export const ZOwnSessionDto = z.strictObject({
  handle: z.string(),
  browser: z.string(),
  signedInAt: z.date(),
  lastSeenAt: z.date(),
  current: z.boolean(),
});

export const ZTwoFactorSetupDto = z.strictObject({
  enrolled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  pending: z.strictObject({ secret: z.string(), qrDataUrl: z.string() }).nullable(),
});
