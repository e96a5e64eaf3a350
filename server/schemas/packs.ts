import { z } from "zod";
import { ACTION_STATUSES } from "~/server/domain/meeting/actions";
import { TAGS } from "~/server/domain/tags";
import { ZDecision, ZProjectedCase, ZProjectedText } from "./projected-case";

/**
 * The output contracts of agenda lines, actions and packs. Apart from the routers so the PDF worker
 * (decision 076), which builds packs itself, checks each pack against the same schema without
 * loading tRPC.
 */
/** An action as its viewer may see it (also the base of a pack's action). */
export const ZAction = z.strictObject({
  id: z.number().int(),
  meetingId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  description: ZProjectedText,
  tags: z.array(z.enum(TAGS)),
  owningAgencyId: z.string(),
  owningAgencyName: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  statusNote: ZProjectedText.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});

const ZCriterion = z.enum(["visibleHighRisk", "potentialEscalation", "professionalJudgement", "repeat"]);

export const ZAgendaLine = z.strictObject({
  caseId: z.string(),
  caseNumber: z.string(),
  victimName: z.string(),
  victimDateOfBirth: z.string().nullable(),
  perpetrators: z.string(),
  isRepeat: z.boolean(),
  dashScore: z.number().int(),
  criteria: z.array(ZCriterion),
  referringAgencyName: z.string(),
  /** null for an agency not allowed the children tag. */
  hasChildren: z.boolean().nullable(),
  flags: z.array(z.string()),
});

/** An action in a pack: the recipient's view of it; a status note only on the recipient's own actions. */
const ZPackAction = ZAction.extend({ agreedAt: z.string() });

export const ZPack = z.strictObject({
  meeting: z.strictObject({ id: z.string(), date: z.string(), time: z.string(), venue: z.string(), online: z.boolean(), chairName: z.string(), publishedAt: z.date().nullable(), researchDeadline: z.string() }),
  recipient: z.strictObject({ agencyId: z.string(), agencyName: z.string(), agencyType: z.string(), userName: z.string() }),
  preview: z.boolean(),
  invited: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  cases: z.array(
    z.strictObject({
      line: ZAgendaLine,
      caseNumber: z.string(),
      dashScore: z.number().int(),
      view: ZProjectedCase,
      decisions: z.array(ZDecision).readonly(),
      research: z.array(z.strictObject({ agencyId: z.string(), agencyName: z.string(), updatedAt: z.date(), shared: ZProjectedText })),
      actions: z.array(ZPackAction),
    }),
  ),
});
export type TPack = z.infer<typeof ZPack>;
