import Link from "next/link";

/** The header's link to the notifications page, with the unread count. */
export function NotificationsLink({ unread }: { unread: number }) {
  return (
    <Link href="/notifications" className="text-white underline hover:decoration-2">
      Notifications
      {unread > 0 ? " " : null}
      {unread > 0 ? (
        <span className="rounded-full bg-white px-2 font-bold text-ink no-underline">
          {unread}
          <span className="sr-only"> unread</span>
        </span>
      ) : null}
    </Link>
  );
}
