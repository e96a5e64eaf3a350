import type { Metadata } from "next";
import { AdminHome, AgencyHome, IdvaHome, OrganiserHome, ReferralsHome } from "~/components/home/home-panels";
import { navItemsFor } from "~/components/layout/nav-items";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { ROLE_LABELS } from "~/server/domain/roles";

export const metadata: Metadata = { title: "Home" };

const ROLE_SUMMARY = {
  admin: "You look after agencies, users and the MARAC's settings. You do not see case content: that keeps running the system separate from the casework.",
  chair: "You triage referrals, run the meeting and agree actions. You see every case in full, and each time you view restricted information it is recorded.",
  coordinator: "You take referrals in, build agendas and keep the action tracker. You see every case in full, and each time you view restricted information it is recorded.",
  idva: "You hold the Dash risk checklist, risk factors and the victim's views, and you tell the victim what has been shared.",
  agency_rep: "You refer cases, research them on the summaries your agency may see, and carry out your agency's actions.",
} as const;

/** A non-member agency (Immigration Enforcement) refers cases and sees their status; it does not attend MARAC. */
const NON_MEMBER_SUMMARY =
  "You can refer cases to the MARAC and see whether each referral was accepted or declined. Your agency does not attend MARAC, so it receives no MARAC information: no meetings, packs, minutes, actions or risk-factor flags.";

/** A role's label inside a sentence: "MARAC chair" and "IDVA" keep their capitals, "Agency representative" does not. */
const inSentence = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

export default async function HomePage() {
  const { me, settings, organiser, agency, idva, referrals } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [me, settings] = await Promise.all([api.account.me(), api.account.settings()]);
    const member = me.agencyIsMember;
    const isOrganiser = me.role === "chair" || me.role === "coordinator";
    return {
      me,
      settings,
      organiser: isOrganiser ? await api.home.organiser() : null,
      agency: member && (me.role === "agency_rep" || me.role === "idva") ? await api.home.agency() : null,
      idva: member && me.role === "idva" ? await api.home.idva() : null,
      // A non-member agency sees only its own referrals and their status.
      referrals: !member && me.role === "agency_rep" ? (await api.cases.list({})).rows : null,
    };
  });
  const summary = me.role === "agency_rep" && !me.agencyIsMember ? NON_MEMBER_SUMMARY : ROLE_SUMMARY[me.role];
  return (
    <>
      <span className="mb-1 block text-lg text-secondary">{settings.name}</span>
      <h1>Welcome, {me.name}</h1>
      <p className="mb-8 max-w-2xl">
        You are signed in as {inSentence(ROLE_LABELS[me.role])} for {me.agencyName}. {summary}
      </p>
      {organiser ? <OrganiserHome data={organiser} /> : null}
      {idva ? <IdvaHome data={idva} /> : null}
      {agency ? <AgencyHome data={agency} /> : null}
      {referrals ? <ReferralsHome rows={referrals} /> : null}
      {me.role === "admin" ? <AdminHome links={navItemsFor(me).filter((i) => i.href !== "/")} /> : null}
      <h2>This MARAC&apos;s referral criteria</h2>
      <ul className="mb-8 list-disc space-y-2 pl-6">
        <li>Visible high risk: {settings.dashThreshold} or more “yes” answers on the 24-question Dash checklist (“don&apos;t know” never counts).</li>
        <li>Potential escalation: {settings.escalationIncidents} or more police-reported incidents in the last 12 months.</li>
        <li>Repeat: a new referral within {settings.repeatWindowMonths} months of the victim&apos;s last MARAC referral, whatever its score.</li>
        <li>Professional judgement: the referrer gives their reasons.</li>
      </ul>
    </>
  );
}
