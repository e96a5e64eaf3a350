import { z } from "zod";
import { AGENCY_TYPES } from "~/server/domain/agency-types";
import { ROLES } from "~/server/domain/roles";
import { ZNewPassword } from "~/server/auth/password-policy";

/** Input schemas shared by the tRPC procedures and the admin forms. Messages are for the person filling the form. */
const ZId = z.string().min(1, { error: "Choose one" }).max(64);
const ZVersion = z.number().int().min(1);
const ZName = (what: string) =>
  z.string().trim().min(1, { error: `Enter the ${what}` }).max(120, { error: `The ${what} must be 120 characters or fewer` });

export const ZAgencyFields = z.object({
  name: ZName("agency name"),
  type: z.enum(AGENCY_TYPES, { error: "Choose the type of agency" }),
  isMaracMember: z.boolean({ error: "Choose whether the agency is a MARAC member" }),
  active: z.boolean({ error: "Choose whether the agency is active" }),
});
export const ZCreateAgency = ZAgencyFields;
export const ZUpdateAgency = ZAgencyFields.extend({ id: ZId, version: ZVersion });
export type TCreateAgency = z.infer<typeof ZCreateAgency>;
export type TUpdateAgency = z.infer<typeof ZUpdateAgency>;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, { error: "Email address must be 320 characters or fewer" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.org" }));

export const ZUserFields = z.object({
  name: ZName("full name"),
  email: ZEmail,
  agencyId: ZId,
  role: z.enum(ROLES, { error: "Choose a role" }),
  active: z.boolean({ error: "Choose whether the user is active" }),
});
/** A new account as an admin proposes it: no password (a chair's approval issues a one-time one). */
export const ZCreateUser = ZUserFields.omit({ active: true });
/** The seed and install scripts create accounts with a chosen password; the app never does. */
export const ZSeedUser = ZUserFields.extend({ password: ZNewPassword });
export const ZUpdateUser = ZUserFields.extend({ id: ZId, version: ZVersion });
export const ZResetPassword = z.object({ id: ZId });
export type TCreateUser = z.infer<typeof ZCreateUser>;
export type TSeedUser = z.infer<typeof ZSeedUser>;
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

const whole = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter the ${what} as a whole number` })
    .int({ error: `Enter the ${what} as a whole number` })
    .min(min, { error: `The ${what} must be ${min} or more` })
    .max(max, { error: `The ${what} must be ${max} or fewer` });

export const ZUpdateSettings = z.object({
  version: ZVersion,
  name: ZName("MARAC name"),
  caseNumberPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,6}$/, { error: "Enter the case number prefix as 1 to 6 letters, like NS" }),
  dashThreshold: whole("Dash threshold", 1, 24),
  escalationIncidents: whole("potential escalation incident count", 1, 50),
  repeatWindowMonths: whole("repeat window", 1, 60),
  retentionMonths: whole("retention period", 6, 600),
  /** Blank until the coordinator knows it; the data return then shows no rate per 10,000. */
  adultFemalePopulation: whole("adult female population", 1, 50_000_000).nullable().default(null),
  /** Read by the chair before the first case of every meeting. */
  confidentialityStatement: z
    .string()
    .trim()
    .min(1, { error: "Enter the confidentiality statement the chair reads at the start of each meeting" })
    .max(4000, { error: "The confidentiality statement must be 4,000 characters or fewer" })
    .optional(),
});
export type TUpdateSettings = z.infer<typeof ZUpdateSettings>;

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password" }).max(1000),
    newPassword: ZNewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { error: "The new passwords do not match", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { error: "Choose a new password that is different from your current one", path: ["newPassword"] });

/** Choosing your own password after signing in with a one-time password: the session is the proof. */
export const ZChooseFirstPassword = z
  .object({ newPassword: ZNewPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { error: "The new passwords do not match", path: ["confirmPassword"] });

export const ZProposalId = z.object({ id: z.string().min(1, { error: "Choose a change" }).max(64) });

/** A 6-digit authenticator code or a recovery code, as typed. */
export const ZSecondFactorCode = z.object({
  code: z.string().trim().min(1, { error: "Enter the code from your authenticator app" }).max(40, { error: "Enter the code from your authenticator app" }),
});

/** Names one of the caller's own sessions on the sessions page. */
export const ZSessionHandle = z.object({ handle: z.string().min(1, { error: "Choose a session to end" }).max(100) });
