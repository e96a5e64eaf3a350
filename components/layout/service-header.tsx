import Link from "next/link";
import type { ReactNode } from "react";

type Props = { areaName?: string; user?: { name: string; agencyName: string; roleLabel: string }; notifications?: ReactNode; signOut?: ReactNode; nav?: ReactNode };

/** The GOV.UK-style service header: service name, who is signed in, sign out, then the navigation. */
export function ServiceHeader({ areaName, user, notifications, signOut, nav }: Props) {
  return (
    <header className="border-b-8 border-brand bg-ink text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <div>
          <Link href="/" className="text-2xl font-bold text-white no-underline hover:underline">
            MARAC Desk
          </Link>
          {areaName ? <span className="ml-3 text-base">{areaName}</span> : null}
        </div>
        {user ? (
          <div className="flex flex-wrap items-center gap-4 text-sm print:hidden">
            <span>
              <span className="font-bold">{user.name}</span>, {user.roleLabel}, {user.agencyName}
            </span>
            {notifications}
            {signOut}
          </div>
        ) : null}
      </div>
      {nav}
    </header>
  );
}
