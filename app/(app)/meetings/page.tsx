import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { formatTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Meetings" };

export default async function MeetingsPage() {
  const { list, me } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [list, me] = await Promise.all([api.meetings.list(), api.account.me()]);
    return { list, me };
  });
  const organiser = me.role === "chair" || me.role === "coordinator";
  return (
    <>
      <h1>Meetings</h1>
      {organiser ? (
        <p className="mb-6">
          <Link href="/meetings/new" className="font-bold">Create a meeting</Link>
        </p>
      ) : (
        <p className="mb-6">Meetings your agency is invited to, once their agenda is published.</p>
      )}
      {list.length === 0 ? <p>There are no meetings to show.</p> : null}
      {(["upcoming", "past"] as const).map((when) => {
        const shown = list.filter((m) => m.upcoming === (when === "upcoming"));
        if (list.length === 0) return null;
        return (
          <section key={when} aria-labelledby={`${when}-meetings`} className="mb-10">
            <h2 id={`${when}-meetings`}>{when === "upcoming" ? "Upcoming meetings" : "Past meetings"}</h2>
            {shown.length === 0 ? (
              <p>{when === "upcoming" ? "No meetings are planned yet." : "No past meetings."}</p>
            ) : (
              <ul className="space-y-3">
                {shown.map((m) => (
                  <li key={m.id} className="border-b border-border pb-3">
                    <Link href={`/meetings/${m.id}`} className="font-bold">
                      {formatValue(m.date)} at {formatTime(m.time)}
                    </Link>{" "}
                    {m.published ? <StatusTag tone="green">Agenda published</StatusTag> : <StatusTag tone="grey">Draft agenda</StatusTag>}
                    <span className="block text-secondary">{m.online ? `Online: ${m.venue}` : m.venue}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
