import { z } from "zod";
import { AGENCY_TYPES } from "~/server/domain/agency-types";
import { ROLES } from "~/server/domain/roles";
import { TAGS } from "~/server/domain/tags";

/** The admin's proposal: one agency's categories, or back to its type's default. */
export const ZProposePolicyChange = z.object({
  agencyId: z.string().min(1, { error: "Choose an agency" }).max(64),
  followTypeDefault: z.boolean({ error: "Say whether the agency follows its type's default" }),
  allow: z.array(z.enum(TAGS, { error: "Choose categories from the list" })).max(TAGS.length, { error: "Choose each category once" }),
});
export type TProposePolicyChange = z.infer<typeof ZProposePolicyChange>;

const ZCategory = z.strictObject({ tag: z.enum(TAGS), label: z.string(), shared: z.boolean(), typeDefault: z.boolean(), why: z.string() });
const ZRule = z.strictObject({ title: z.string(), text: z.string() });
const ZSource = z.enum(["agency_row", "type_default"]);

export const ZPolicyForMeDto = z.strictObject({
  agencyName: z.string(),
  agencyTypeLabel: z.string(),
  agencyIsMember: z.boolean(),
  role: z.enum(ROLES),
  version: z.number().int(),
  inForceFrom: z.date().nullable(),
  source: ZSource,
  categories: z.array(ZCategory),
  hardRules: z.array(ZRule),
  victimViewsRule: z.string(),
  overridesRule: z.string(),
});

export const ZProtocolDto = z.strictObject({
  maracName: z.string(),
  version: z.number().int(),
  history: z.array(z.strictObject({ version: z.number().int(), inForceFrom: z.date().nullable(), proposedByName: z.string().nullable(), approvedByName: z.string().nullable() })),
  hardRules: z.array(ZRule),
  victimViewsRule: z.string(),
  overridesRule: z.string(),
  agencies: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      typeLabel: z.string(),
      isMaracMember: z.boolean(),
      ownRow: z.boolean(),
      shared: z.array(z.enum(TAGS)),
      notShared: z.array(z.enum(TAGS)),
      lawfulBasis: z.string(),
    }),
  ),
});

export const ZPolicyAgencyDto = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(AGENCY_TYPES),
  typeLabel: z.string(),
  source: ZSource,
  categories: z.array(ZCategory),
});
