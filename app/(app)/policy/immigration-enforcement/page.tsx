import type { Metadata } from "next";
import { PrintButton } from "~/components/ui/print-button";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";

export const metadata: Metadata = { title: "Sharing with Immigration Enforcement" };

/**
 * The statement for victims and agencies ("Safe to share?" recommendation 2). Its text is built on
 * the server from the hard rules and the policy in force, so it changes when they do.
 */
export default async function IeStatementPage() {
  const statement = await readOrRefuse(async () => (await getServerApi()).overrides.ieStatement());
  return (
    <article className="max-w-2xl">
      <h1>Is anything shared with Immigration Enforcement?</h1>
      <p className="mb-6 text-secondary">
        A statement for victims and agencies from this MARAC. It is produced from the rules MARAC Desk enforces (sharing policy version{" "}
        {statement.policyVersion}), so it always says what the system does.
      </p>
      <div className="mb-8 print:hidden">
        <PrintButton label="Print this statement" />
      </div>
      {statement.sections.map((s) => (
        <section key={s.heading} className="mb-6 break-inside-avoid">
          <h2>{s.heading}</h2>
          {s.paragraphs.map((p) => (
            <p key={p} className="mb-3">{p}</p>
          ))}
          {s.list ? (
            <ul className="mb-3 list-disc space-y-1 pl-6">
              {s.list.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </article>
  );
}
