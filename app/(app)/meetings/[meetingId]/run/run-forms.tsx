"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Button } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { autosaveCaseNotesAction, saveRecordAction, type TNotesResult } from "../../actions";

type Att = { agencyId: string; agencyName: string; status: string; names: string };

/** Before the first case: the statement is confirmed and attendance recorded (each starts unset). */
export function RecordForm({ meetingId, version, confidentialityAgreed, attendance }: { meetingId: string; version: number | null; confidentialityAgreed: boolean; attendance: Att[] }) {
  const [state, action] = useActionState(saveRecordAction, IDLE);
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary errors={state.message ? [{ message: state.message }] : []} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={state.version ?? version ?? ""} />
      <fieldset className="mb-6">
        <legend className="sr-only">Confidentiality statement</legend>
        <label className="flex items-center gap-2 text-lg">
          <input type="checkbox" name="confidentialityAgreed" value="yes" defaultChecked={confidentialityAgreed} className="size-6 shrink-0 accent-ink" />
          I have read the statement and everyone present has agreed to it
        </label>
      </fieldset>
      <div className="mb-6 overflow-x-auto">
        <table className="w-full border-collapse text-left">
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
                    <option value="">Not recorded yet</option>
                    <option value="attended">Attended</option>
                    <option value="apologies">Apologies</option>
                    <option value="absent">Did not attend</option>
                  </select>
                </td>
                <td className="py-2 pr-3">
                  <input name={`names-${a.agencyId}`} aria-label={`Names present for ${a.agencyName}`} defaultValue={a.names} className="w-full min-w-40 border-2 border-input bg-white p-1" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap gap-4">
        <Button name="next" value="first">Save and go to the first case</Button>
        <Button variant="secondary">Save</Button>
      </div>
    </form>
  );
}

/** Counts up from the start the server holds, so a reload does not restart it; 12 to 15 minutes is the norm. */
export function CaseTimer({ startedAt, stoppedAt }: { startedAt: string | null; stoppedAt: string | null }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!startedAt || stoppedAt) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [startedAt, stoppedAt]);
  if (!startedAt) return <span className="font-mono text-lg">00:00</span>;
  const end = stoppedAt ? Date.parse(stoppedAt) : (now ?? Date.parse(startedAt));
  const elapsed = Math.max(0, Math.floor((end - Date.parse(startedAt)) / 1000));
  const minutes = Math.floor(elapsed / 60);
  return (
    <>
      <span role="timer" aria-live="off" className="font-mono text-lg">
        {String(minutes).padStart(2, "0")}:{String(elapsed % 60).padStart(2, "0")}
      </span>
      {minutes >= 15 ? <strong className="text-error">Over 15 minutes</strong> : minutes >= 12 ? <strong>12 minutes: time to agree actions</strong> : null}
    </>
  );
}

type Notes = { discussion: string; risks: string; safetyPlan: string };
const FIELDS: readonly { key: keyof Notes; label: string; hint: string; rows: number }[] = [
  { key: "discussion", label: "Discussion", hint: "What agencies shared about the case.", rows: 6 },
  { key: "risks", label: "Summary of risks", hint: "The chair's summary: possible harms, what adds to the risk, and what keeps her safe now.", rows: 4 },
  { key: "safetyPlan", label: "Safety plan agreed", hint: "What the agencies agreed to keep her and any children safe. Record each task as an action below.", rows: 4 },
];
const AUTOSAVE_MS = 1500;
const time = new Intl.DateTimeFormat("en-GB", { timeStyle: "short", timeZone: "Europe/London" });

/**
 * One case's notes, saved on their own as the chair types (after a pause). A save based on an
 * older version is refused: the chair sees the newer notes and chooses what to keep, so nothing is
 * overwritten unseen. Only this case's notes are sent.
 */
export function CaseNotes({ meetingId, caseId, version, initial }: { meetingId: string; caseId: string; version: number | null; initial: Notes }) {
  const [notes, setNotes] = useState<Notes>(initial);
  const [status, setStatus] = useState<string>(version === null ? "Not saved yet." : "All changes saved.");
  const [conflict, setConflict] = useState<Extract<TNotesResult, { saved: false }> | null>(null);
  const versionRef = useRef<number | null>(version);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saving = useRef<Promise<void> | null>(null);

  async function save(current: Notes) {
    if (saving.current) await saving.current;
    const run = (async () => {
      setStatus("Saving…");
      const result = await autosaveCaseNotesAction({ meetingId, caseId, version: versionRef.current, ...current });
      if (result.saved) {
        versionRef.current = result.version;
        dirty.current = false;
        setStatus(`Saved at ${time.format(new Date())}.`);
      } else {
        setConflict(result);
        setStatus("Not saved.");
      }
    })();
    saving.current = run;
    await run;
    saving.current = null;
  }

  function change(key: keyof Notes, value: string) {
    const next = { ...notes, [key]: value };
    setNotes(next);
    dirty.current = true;
    if (conflict) return; // nothing more is saved until the chair has seen the newer notes
    setStatus("Changes not saved yet.");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(next), AUTOSAVE_MS);
  }

  // Leaving the page with unsaved notes asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const newer = conflict?.current ?? null;
  return (
    <form
      noValidate
      className="mb-8"
      onSubmit={(e) => {
        e.preventDefault();
        if (timer.current) clearTimeout(timer.current);
        if (!conflict) void save(notes);
      }}
    >
      {conflict ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h3 className="mb-2">Your notes for this case were not saved</h3>
          <p className="mb-4">{conflict.message}</p>
          {newer ? (
            <>
              {FIELDS.map((f) => (
                <div key={f.key} className="mb-4">
                  <p className="font-bold">{f.label} (saved by someone else)</p>
                  <p className="whitespace-pre-wrap border-l-4 border-border pl-4">{newer[f.key] || "Nothing written."}</p>
                </div>
              ))}
              <div className="flex flex-wrap gap-4">
                <button
                  type="button"
                  className="bg-button px-4 py-2 font-bold text-white shadow-[0_2px_0_var(--color-button-shadow)]"
                  onClick={() => {
                    versionRef.current = newer.version;
                    setNotes({ discussion: newer.discussion, risks: newer.risks, safetyPlan: newer.safetyPlan });
                    dirty.current = false;
                    setConflict(null);
                    setStatus("Showing the newer notes. All changes saved.");
                  }}
                >
                  Use their notes
                </button>
                <button
                  type="button"
                  className="bg-panel px-4 py-2 font-bold text-ink shadow-[0_2px_0_#858686]"
                  onClick={() => {
                    versionRef.current = newer.version;
                    setConflict(null);
                    void save(notes);
                  }}
                >
                  Replace them with my notes
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      {FIELDS.map((f) => (
        <div key={f.key} className="mb-6">
          <label htmlFor={`${f.key}-${caseId}`} className="mb-1 block text-lg font-bold">{f.label}</label>
          <div id={`${f.key}-${caseId}-hint`} className="mb-2 text-secondary">{f.hint}</div>
          <textarea
            id={`${f.key}-${caseId}`}
            name={f.key}
            rows={f.rows}
            aria-describedby={`${f.key}-${caseId}-hint`}
            value={notes[f.key]}
            onChange={(e) => change(f.key, e.target.value)}
            className="block w-full border-2 border-input bg-white p-2"
          />
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-4">
        <Button variant="secondary">Save notes now</Button>
        <p role="status" className="text-secondary">{status}</p>
      </div>
    </form>
  );
}
