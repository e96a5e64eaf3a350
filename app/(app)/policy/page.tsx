import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { sentenceCase } from "~/server/exports/protocol-document";

export const metadata: Metadata = { title: "Sharing policy" };

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

const ROLE_NOTES = {
  chair: "As MARAC chair you see every category on the cases you work on, and each look is logged. This page says what the rest of your agency gets.",
  coordinator: "As MARAC coordinator you see every category on the cases you work on, and each look is logged. This page says what the rest of your agency gets.",
  admin: "As the administrator you see no case content at all. This page says what your agency's representatives get.",
  idva: null,
  agency_rep: null,
} as const;

/** Every signed-in user: which categories their agency gets and which it does not, and why. */
export default async function PolicyPage() {
  const api = await getServerApi();
  const me = await readOrRefuse(() => api.policy.mine());
  const shared = me.categories.filter((c) => c.shared);
  const withheld = me.categories.filter((c) => !c.shared);
  const isNonMember = !me.agencyIsMember && me.role !== "admin";
  return (
    <div className="max-w-3xl">
      <h1>What {me.agencyName} is shared</h1>
      <p className="mb-4">
        {me.agencyName} is recorded as <strong>{me.agencyTypeLabel}</strong>. MARAC Desk decides what it sees under sharing policy <strong>version {me.version}</strong>
        {me.inForceFrom ? `, in force since ${day.format(me.inForceFrom)}` : ", the built-in default"}.
      </p>
      {ROLE_NOTES[me.role] ? <p className="mb-4">{ROLE_NOTES[me.role]}</p> : null}
      <p className="mb-6">
        Names, dates of birth, the case number, the risk assessment and the referral are not restricted. The categories below are.
      </p>

      <h2>Shared with {me.agencyName}</h2>
      {shared.length === 0 ? (
        <p className="mb-6">No restricted category.{isNonMember ? " Your agency does not attend MARAC: it sees only the referrals it makes and their status." : ""}</p>
      ) : (
        <CategoryList items={shared} />
      )}
      <h2>Not shared with {me.agencyName}</h2>
      {withheld.length === 0 ? <p className="mb-6">Nothing: every restricted category is shared.</p> : <CategoryList items={withheld} />}
      <p className="mb-8">Where something is not shared, you see &ldquo;Restricted&rdquo; and who to ask instead.</p>

      <h2>What changes this on a single case</h2>
      <ul className="mb-8 list-disc space-y-2 pl-6">
        <li><strong>The victim&apos;s views.</strong> {me.victimViewsRule}</li>
        <li><strong>Overrides.</strong> {me.overridesRule}</li>
      </ul>

      <h2>Rules no setting can change</h2>
      <ul className="mb-8 list-disc space-y-3 pl-6">
        {me.hardRules.map((r) => (
          <li key={r.title}>
            <strong>{r.title}.</strong> {r.text}
          </li>
        ))}
      </ul>

      <h2>The whole policy</h2>
      <p className="mb-2">
        The policy changes only when the administrator proposes a change and a MARAC chair approves it; each change starts a new version.
      </p>
      <ul className="mb-6 list-disc space-y-2 pl-6">
        {isNonMember ? null : (
          <li>
            <Link href="/policy/isp">Read the information-sharing protocol</Link>: every agency, what it is shared and the lawful basis.
          </li>
        )}
        <li>
          <Link href="/policy/immigration-enforcement">Is anything shared with Immigration Enforcement?</Link>: the statement for victims and agencies, with a print view.
        </li>
        {me.role === "admin" ? (
          <li>
            <Link href="/admin/policy">Propose a change to an agency&apos;s row</Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function CategoryList({ items }: { items: { tag: string; label: string; why: string }[] }) {
  return (
    <dl className="mb-6 border-t border-border">
      {items.map((c) => (
        <div key={c.tag} className="grid grid-cols-1 border-b border-border py-3 sm:grid-cols-3">
          <dt className="font-bold">{sentenceCase(c.label)} information</dt>
          <dd className="sm:col-span-2">{c.why}</dd>
        </div>
      ))}
    </dl>
  );
}
