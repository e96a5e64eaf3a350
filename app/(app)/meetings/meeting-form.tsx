"use client";

import { useActionState } from "react";
import { Checkboxes } from "~/components/ui/checkboxes";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, DateInput, Select, TextInput, YesNo } from "~/components/ui/fields";
import { IDLE, type FormState } from "~/components/ui/form-state";

type Option = { id: string; name: string };
type Meeting = { id: string; version: number; date: string; time: string; venue: string; online: boolean; chairUserId: string; invited: string[]; researchDeadline: string; researchDeadlineSet: boolean };
const FIELDS = ["date", "time", "venue", "online", "chairUserId", "researchDeadline", "invitedAgencyIds"] as const;

export function MeetingForm({ action, meeting, chairs, agencies, submitLabel }: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  meeting?: Meeting;
  chairs: Option[];
  agencies: Option[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = state.values;
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  const date = v ? `${v["date-year"] ?? ""}-${v["date-month"] ?? ""}-${v["date-day"] ?? ""}` : meeting?.date;
  const invited = v ? (v.invitedAgencyIds ?? "").split(",").filter(Boolean) : (meeting?.invited ?? agencies.map((a) => a.id));
  const deadline = v ? `${v["researchDeadline-year"] ?? ""}-${v["researchDeadline-month"] ?? ""}-${v["researchDeadline-day"] ?? ""}` : meeting?.researchDeadlineSet ? meeting.researchDeadline : undefined;
  const online = v?.online === "yes" ? true : v?.online === "no" ? false : meeting?.online;
  return (
    <form action={formAction} noValidate key={JSON.stringify(v ?? {})}>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      {meeting ? (
        <>
          <input type="hidden" name="meetingId" value={meeting.id} />
          <input type="hidden" name="version" value={meeting.version} />
        </>
      ) : null}
      <DateInput id="date" label="Date" hint="For example, 10 12 2026" defaultValue={date} error={err("date")} />
      <TextInput id="time" label="Start time" hint="24-hour clock, for example 09:30" width="short" defaultValue={v?.time ?? meeting?.time} error={err("time")} />
      <TextInput id="venue" label="Venue" hint="A room, or the name of the online meeting. Never put a joining link with a password here." defaultValue={v?.venue ?? meeting?.venue} error={err("venue")} />
      <YesNo id="online" label="Is the meeting online?" defaultValue={online} error={err("online")} />
      <Select id="chairUserId" label="Chair" options={chairs.map((c) => ({ value: c.id, label: c.name }))} defaultValue={v?.chairUserId ?? meeting?.chairUserId} error={err("chairUserId")} />
      <DateInput
        id="researchDeadline"
        label="Research deadline (optional)"
        hint="The last day agencies can send their research on time. Leave it blank for two working days before the meeting (weekends and England and Wales bank holidays are skipped)."
        defaultValue={deadline}
        error={err("researchDeadline")}
      />
      <Checkboxes
        id="invitedAgencyIds"
        name="invitedAgencyIds"
        label="Invite these member agencies"
        hint="Only MARAC member agencies are listed. Immigration Enforcement does not attend MARAC."
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        checked={invited}
        error={err("invitedAgencyIds")}
      />
      <Button>{submitLabel}</Button>
    </form>
  );
}
