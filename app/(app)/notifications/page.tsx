import type { Metadata } from "next";
import { Button } from "~/components/ui/fields";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { markAllReadAction, markReadAction, openNotificationAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
const linkButton = "cursor-pointer border-0 bg-transparent p-0 text-link underline hover:decoration-2";

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const { saved } = await searchParams;
  const list = await readOrRefuse(async () => (await getServerApi()).notifications.list());
  const unread = list.filter((n) => !n.read).length;
  return (
    <div className="max-w-3xl">
      {saved ? <SuccessBanner>{saved === "all" ? "All notifications are marked as read." : "The notification is marked as read."}</SuccessBanner> : null}
      <h1>Notifications</h1>
      <p className="mb-6">
        What is waiting for you in MARAC Desk. Notifications never carry case information: open one to see it where you are allowed to.
      </p>
      {list.length === 0 ? (
        <p>You have no notifications.</p>
      ) : (
        <>
          <p className="mb-4 text-secondary">
            {unread === 0 ? "All read." : `${unread} unread of ${list.length}.`}
          </p>
          {unread > 0 ? (
            <form action={markAllReadAction} className="mb-6">
              <Button variant="secondary">Mark all as read</Button>
            </form>
          ) : null}
          <ul className="border-t border-border" aria-label="Your notifications">
            {list.map((n) => (
              <li key={n.id} className={`border-b border-border py-4 ${n.read ? "" : "border-l-4 border-l-brand pl-3"}`}>
                <p className="mb-1">
                  {n.read ? null : <><StatusTag>New</StatusTag>{" "}</>}
                  {n.text}
                </p>
                <p className="mb-2 text-sm text-secondary">{when.format(n.createdAt)}</p>
                <div className="flex flex-wrap gap-4">
                  <form action={openNotificationAction}>
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name="link" value={n.link} />
                    <button type="submit" className={linkButton}>Open<span className="sr-only">: {n.text}</span></button>
                  </form>
                  {n.read ? null : (
                    <form action={markReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className={linkButton}>Mark as read<span className="sr-only">: {n.text}</span></button>
                    </form>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
