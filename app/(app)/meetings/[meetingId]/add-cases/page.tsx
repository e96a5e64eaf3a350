import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { Radios } from "~/components/ui/fields";
import { Checkbox, DatePartsInput } from "~/components/ui/more-fields";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { isIsoDate } from "~/server/domain/referral/dates";
import { AddCasesForm } from "./add-cases-form";
import { formatTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Add cases to the agenda" };

type Search = Record<string, string | undefined>;
const HEARD = [
  { value: "unscheduled", label: "Not yet on any meeting's agenda" },
  { value: "not_heard", label: "Not yet heard (includes cases on a later meeting's agenda)" },
  { value: "any", label: "Every accepted case" },
] as const;

/** A filter date from its boxes: undefined when blank, an error when typed but not a date. */
function filterDate(sp: Search, id: string, what: string): { value?: string; error?: string; parts: { day: string; month: string; year: string } } {
  const parts = { day: (sp[`${id}-day`] ?? "").trim(), month: (sp[`${id}-month`] ?? "").trim(), year: (sp[`${id}-year`] ?? "").trim() };
  if (!parts.day && !parts.month && !parts.year) return { parts };
  const iso = `${parts.year.padStart(4, "0")}-${parts.month.padStart(2, "0")}-${parts.day.padStart(2, "0")}`;
  return isIsoDate(iso) ? { value: iso, parts } : { error: `Enter the ${what} as a real date, for example 1 9 2026`, parts };
}

/**
 * Adding several accepted cases at once. The filters are a GET form (the address keeps them); by
 * default the list holds accepted cases not yet on any meeting's agenda.
 */
export default async function AddCasesPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<Search> }) {
  const { meetingId } = await params;
  const sp = await searchParams;
  const heard = HEARD.find((h) => h.value === sp.heard)?.value ?? "unscheduled";
  const from = filterDate(sp, "from", "earliest referral date");
  const to = filterDate(sp, "to", "latest referral date");
  const repeatOnly = sp.repeat === "yes";
  const childrenOnly = sp.children === "yes";
  const { meeting, candidates } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [meeting, candidates] = await Promise.all([
      api.meetings.get({ meetingId }),
      api.meetings.agendaCandidates({ meetingId, filters: { heard, referredFrom: from.value, referredTo: to.value, repeatOnly, childrenOnly } }),
    ]);
    return { meeting, candidates };
  });
  const filterErrors = [from.error ? { href: "#from", message: from.error } : null, to.error ? { href: "#to", message: to.error } : null].filter((e) => e !== null);
  return (
    <>
      <Link href={`/meetings/${meetingId}#agenda`} className="mb-6 inline-block">Back to the meeting</Link>
      <span className="mb-1 block text-lg text-secondary">MARAC meeting, {formatValue(meeting.date)} at {formatTime(meeting.time)}</span>
      <h1>Add cases to the agenda</h1>
      {filterErrors.length > 0 ? (
        <div role="alert" className="mb-8 border-4 border-error p-4">
          <h2 className="text-lg">There is a problem with the filters</h2>
          <ul className="list-none">
            {filterErrors.map((e) => (
              <li key={e.href}><a href={e.href} className="font-bold text-error">{e.message}</a></li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="mb-8 bg-panel p-4" open={sp.filtered === "yes"}>
        <summary className="cursor-pointer text-lg font-bold">Filter the list</summary>
        <form method="get" className="mt-4">
          <input type="hidden" name="filtered" value="yes" />
          <Radios id="heard" label="Which accepted cases" options={HEARD} defaultValue={heard} />
          <DatePartsInput id="from" label="Referred on or after" hint="For example, 1 9 2026" error={from.error} {...from.parts} />
          <DatePartsInput id="to" label="Referred on or before" hint="For example, 30 11 2026" error={to.error} {...to.parts} />
          <Checkbox id="repeat" name="repeat" legend="Repeat referrals" label="Only repeat referrals" defaultChecked={repeatOnly} />
          <Checkbox id="children" name="children" legend="Children" label="Only cases with children in the household" defaultChecked={childrenOnly} />
          <button type="submit" className="bg-panel px-4 py-2 font-bold text-ink shadow-[0_2px_0_#858686] outline outline-1 outline-border">Apply filters</button>
        </form>
      </details>
      <AddCasesForm
        meetingId={meetingId}
        candidates={candidates.map((c) => ({
          id: c.id,
          label: `${c.caseNumber}: ${c.victimName}`,
          hint: [`Referred ${formatValue(c.referralDate)}`, c.isRepeat ? "repeat" : null, c.hasChildren ? "children in the household" : null].filter(Boolean).join("; "),
        }))}
      />
    </>
  );
}
