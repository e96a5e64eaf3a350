import { z } from "zod";
import { isIsoDate } from "~/server/domain/referral/dates";

export const ZMeetingFields = z.object({
  date: z.string().refine(isIsoDate, { error: "Enter the meeting date as a real date" }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter the start time in 24-hour form, like 09:30" }),
  venue: z.string().trim().min(1, { error: "Enter the venue, or the name of the online meeting" }).max(200, { error: "The venue must be 200 characters or fewer" }),
  online: z.boolean({ error: "Say whether the meeting is online" }),
  chairUserId: z.string().min(1, { error: "Choose the meeting's chair" }).max(64),
  invitedAgencyIds: z.array(z.string().min(1).max(64)).max(100),
});
export type TMeetingFields = z.infer<typeof ZMeetingFields>;
