import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { endSessionAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

/** Where the user is signed in; they can end any of those sessions. */
export default async function SessionsPage() {
  const list = await readOrRefuse(async () => (await getServerApi()).account.sessions());
  return (
    <div className="max-w-3xl">
      <h1>Your sessions</h1>
      <p className="mb-6">
        These are the browsers where you are signed in now. If you do not recognise one, end it and change your password.
      </p>
      <table className="mb-6 w-full text-left">
        <caption className="sr-only">Your active sessions</caption>
        <thead>
          <tr className="border-b-2 border-border">
            <th scope="col" className="py-2 pr-4">Browser</th>
            <th scope="col" className="py-2 pr-4">Signed in</th>
            <th scope="col" className="py-2 pr-4">Last seen</th>
            <th scope="col" className="py-2"><span className="sr-only">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {list.map((s) => (
            <tr key={s.handle} className="border-b border-border" data-testid="session-row">
              <td className="py-2 pr-4">
                {s.browser}
                {s.current ? <strong> (this session)</strong> : null}
              </td>
              <td className="py-2 pr-4">{when.format(s.signedInAt)}</td>
              <td className="py-2 pr-4">{when.format(s.lastSeenAt)}</td>
              <td className="py-2">
                <form action={endSessionAction}>
                  <input type="hidden" name="handle" value={s.handle} />
                  <button type="submit" className="underline">
                    End session<span className="sr-only"> in {s.browser}, signed in {when.format(s.signedInAt)}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
