import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { categoryList, sentenceCase } from "~/server/exports/protocol-document";

export const metadata: Metadata = { title: "Change the sharing policy" };

/** The admin's list: what each agency is shared under the version in force, and a way to propose a change. */
export default async function AdminPolicyPage() {
  const { version, agencies } = await readOrRefuse(async () => (await getServerApi()).admin.policy.agencies());
  return (
    <>
      <h1>Change the sharing policy</h1>
      <p className="mb-4 max-w-3xl">
        Sharing policy <strong>version {version}</strong> is in force. You can propose a row of its own for one agency, or return it to the
        default for its type. A chair must approve each change, and approval starts a new version. The hard rules cannot be changed:
        immigration information is never shared with Immigration Enforcement.
      </p>
      <p className="mb-6">
        <Link href="/policy/isp">Read the information-sharing protocol</Link>
      </p>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">What each agency is shared under version {version}</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-4">Agency</th>
            <th scope="col" className="py-2 pr-4">Shared</th>
            <th scope="col" className="py-2 pr-4">Set by</th>
            <th scope="col" className="py-2 pr-4"><span className="sr-only">Change</span></th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.id} className="border-b border-border align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                {a.name}
                <span className="block text-secondary">{a.typeLabel}</span>
              </th>
              <td className="py-2 pr-4">{sentenceCase(categoryList(a.categories.filter((c) => c.shared).map((c) => c.tag)))}</td>
              <td className="py-2 pr-4">{a.source === "agency_row" ? "Its own row" : "Type default"}</td>
              <td className="py-2 pr-4">
                <Link href={`/admin/policy/${a.id}`}>
                  Propose a change<span className="sr-only"> for {a.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
