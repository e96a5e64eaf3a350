"use client";

import { useActionState, useEffect, useState } from "react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Button, Textarea } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { saveCaseNotesAction, saveRecordAction } from "../../actions";

type Att = { agencyId: string; agencyName: string; status: string; names: string };

export function RecordForm({ meetingId, version, confidentialityAgreed, attendance }: { meetingId: string; version: number | null; confidentialityAgreed: boolean; attendance: Att[] }) {
  const [state, action] = useActionState(saveRecordAction, IDLE);
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary errors={state.message ? [{ message: state.message }] : []} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={state.version ?? version ?? ""} />
      <fieldset className="mb-6">
        <legend className="mb-2 text-lg font-bold">Confidentiality statement</legend>
        <label className="flex items-center gap-2 text-lg">
          <input type="checkbox" name="confidentialityAgreed" value="yes" defaultChecked={confidentialityAgreed} className="size-6 accent-ink" />
          The confidentiality statement was read and agreed by everyone present
        </label>
      </fieldset>
      <table className="mb-6 w-full border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-bold">Attendance and apologies</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">Agency</th>
            <th scope="col" className="py-2 pr-3">Attendance</th>
            <th scope="col" className="py-2 pr-3">Names of those present</th>
          </tr>
        </thead>
        <tbody>
          {attendance.map((a) => (
            <tr key={a.agencyId} className="border-b border-border">
              <th scope="row" className="py-2 pr-3 font-normal">
                {a.agencyName}
                <input type="hidden" name="agencyId" value={a.agencyId} />
              </th>
              <td className="py-2 pr-3">
                <select name={`status-${a.agencyId}`} aria-label={`Attendance for ${a.agencyName}`} defaultValue={a.status} className="border-2 border-input bg-white p-1">
                  <option value="attended">Attended</option>
                  <option value="apologies">Apologies</option>
                  <option value="absent">Did not attend</option>
                </select>
              </td>
              <td className="py-2 pr-3">
                <input name={`names-${a.agencyId}`} aria-label={`Names present for ${a.agencyName}`} defaultValue={a.names} className="w-full border-2 border-input bg-white p-1" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="secondary">Save attendance</Button>
    </form>
  );
}

/** A per-case timer: 12 to 15 minutes is the norm; it counts up and says when the norm is passed. */
function CaseTimer({ onMinutes }: { onMinutes: (m: number | null) => void }) {
  const [started, setStarted] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (started === null) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [started]);
  const elapsed = started === null ? 0 : Math.max(0, Math.floor((now - started) / 1000));
  const minutes = Math.floor(elapsed / 60);
  useEffect(() => {
    if (minutes > 0) onMinutes(minutes);
  }, [minutes, onMinutes]);
  return (
    <div className="mb-4 flex items-center gap-4">
      <button type="button" onClick={() => { setStarted(Date.now()); setNow(Date.now()); }} className="bg-panel px-3 py-1 font-bold text-ink shadow-[0_2px_0_#858686]">
        {started === null ? "Start timer" : "Restart timer"}
      </button>
      <span role="timer" aria-live="off" className="font-mono text-lg">
        {String(minutes).padStart(2, "0")}:{String(elapsed % 60).padStart(2, "0")}
      </span>
      {minutes >= 15 ? <strong className="text-error">Over 15 minutes</strong> : minutes >= 12 ? <strong>12 minutes: time to agree actions</strong> : null}
    </div>
  );
}

export function CaseNotesForm({ meetingId, caseId, version, discussion, risks, minutesTaken, index }: { meetingId: string; caseId: string; version: number | null; discussion: string; risks: string; minutesTaken: number | null; index: number }) {
  const [state, action] = useActionState(saveCaseNotesAction, IDLE);
  const [minutes, setMinutes] = useState<number | null>(minutesTaken);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.message ? [{ message: state.message }] : []} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={state.version ?? version ?? ""} />
      <input type="hidden" name="minutesTaken" value={minutes ?? ""} />
      <CaseTimer onMinutes={setMinutes} />
      <Textarea id={`discussion-${index}`} name="discussion" label="Discussion summary" rows={5} defaultValue={state.values?.discussion ?? discussion} />
      <Textarea id={`risks-${index}`} name="risks" label="Risks identified" rows={3} defaultValue={state.values?.risks ?? risks} />
      <Button variant="secondary">Save case notes</Button>
    </form>
  );
}
