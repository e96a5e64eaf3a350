import { z } from "zod";
import { isIsoDate } from "~/server/domain/referral/dates";

export const ZMeetingFields = z.object({
  date: z.string().refine(isIsoDate, { error: "Enter the meeting date as a real date" }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter the start time in 24-hour form, like 09:30" }),
  venue: z.string().trim().min(1, { error: "Enter the venue, or the name of the online meeting" }).max(200, { error: "The venue must be 200 characters or fewer" }),
  online: z.boolean({ error: "Say whether the meeting is online" }),
  chairUserId: z.string().min(1, { error: "Choose the meeting's chair" }).max(64),
  invitedAgencyIds: z.array(z.string().min(1).max(64)).max(100),
  /** Null: two working days before the meeting. */
  researchDeadline: z.string().refine(isIsoDate, { error: "Enter the research deadline as a real date" }).nullable().default(null),
});
/** As callers give them: the research deadline may be left out (two working days before). */
export type TMeetingFields = z.input<typeof ZMeetingFields>;

const ZOptionalDate = (what: string) =>
  z
    .string()
    .refine(isIsoDate, { error: `Enter the ${what} as a real date` })
    .optional();

/** The add-cases form's filters; with none given, accepted cases not yet on any meeting. */
export const ZAgendaFilters = z.object({
  heard: z.enum(["unscheduled", "not_heard", "any"], { error: "Choose which accepted cases to list" }).default("unscheduled"),
  referredFrom: ZOptionalDate("earliest referral date"),
  referredTo: ZOptionalDate("latest referral date"),
  repeatOnly: z.boolean().default(false),
  childrenOnly: z.boolean().default(false),
});
export type TAgendaFilters = z.infer<typeof ZAgendaFilters>;
