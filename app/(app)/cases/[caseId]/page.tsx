import type { Metadata } from "next";
import Link from "next/link";
import { ActionList } from "~/components/case/action-list";
import { caseSectionLinks, CaseView, Section } from "~/components/case/case-view";
import { formatValue } from "~/components/case/labels";
import { ProjectedText } from "~/components/case/projected-text";
import { SectionControls } from "~/components/case/sections";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { ActionForm } from "./action-form";
import { EarlierReferrals, RiskFlags } from "./case-status-sections";
import { CaseOverrides } from "./overrides/case-overrides";
import { ChildrenPrompt } from "./overrides/children-prompt";

export const metadata: Metadata = { title: "Case" };

const CASE_HOLDERS = new Set(["chair", "coordinator", "idva"]);
const MARAC_SECTIONS = [
  { id: "earlier", title: "Earlier MARAC referrals" },
  { id: "flags", title: "Risk factors flagged" },
  { id: "actions", title: "Actions" },
];

const SAVED: Record<string, string> = {
  victim: "The victim's details have been saved.",
  flag: "The risk factor has been flagged.",
  withdrawn: "The flag has been withdrawn and your reason recorded.",
  match: "Your decision on the possible earlier referral has been recorded.",
  action: "The action has been recorded.",
};

export default async function CasePage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { caseId } = await params;
  const { saved } = await searchParams;
  const { data, me, declineReason, marac, actionOptions, holding } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const data = await api.cases.get({ caseId });
    const [me, declineReason] = await Promise.all([api.account.me(), api.cases.declineReason({ caseId })]);
    // A non-member agency sees its referral and its status only: what the MARAC found or agreed is not for it (the server refuses it too).
    const marac = me.agencyIsMember
      ? await Promise.all([api.cases.repeats({ caseId }), api.cases.flags({ caseId }), api.actions.forCase({ caseId })]).then(([repeats, flags, actions]) => ({ repeats, flags, actions }))
      : null;
    const organiser = me.role === "chair" || me.role === "coordinator";
    const meetings = organiser ? await api.actions.meetingsForCase({ caseId }) : [];
    // The action form, and so its list of agencies, shows only where the case has been to a meeting.
    const actionOptions = meetings.length > 0 ? { meetings, agencies: (await api.meetings.formOptions()).agencies } : null;
    // Case holders: the case's overrides, and whether children are involved (the prompt below).
    const holding = CASE_HOLDERS.has(me.role)
      ? await Promise.all([api.overrides.list({ caseId }), api.overrides.formOptions({ caseId })]).then(([overrides, options]) => ({ overrides, childrenInvolved: options.childrenInvolved }))
      : null;
    return { data, me, declineReason, marac, actionOptions, holding };
  });
  const victim = data.view.victim as unknown as { name: string; dateOfBirth?: string };
  const referring = data.view.referring as unknown as { agencyName: string; referralDate: string };
  return (
    <>
      {saved && SAVED[saved] ? <SuccessBanner>{SAVED[saved]}</SuccessBanner> : null}
      <span className="mb-1 block text-lg text-secondary">Case {data.caseNumber}</span>
      <h1>{victim.name}</h1>
      <ul className="mb-6 flex flex-wrap gap-x-8 gap-y-1">
        <li>Born {formatValue(victim.dateOfBirth)}</li>
        <li>Referred {formatValue(referring.referralDate)} by {referring.agencyName}</li>
        <li>Status: {data.status}</li>
        <li>Dash score: {data.dashScore} of 24</li>
      </ul>
      {CASE_HOLDERS.has(me.role) ? (
        <ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
          <li><Link href={`/cases/${caseId}/edit`}>Change case details</Link></li>
          <li><Link href={`/cases/${caseId}/narrative`}>Review narrative tags</Link></li>
          <li><Link href={`/cases/${caseId}/sharing-record`}>Sharing record</Link></li>
        </ul>
      ) : (
        <p className="mb-8 border-l-4 border-brand bg-panel p-4">
          You are seeing what your agency may see under the MARAC information-sharing protocol. Some information may be withheld; where it
          is, the page says who to ask.
        </p>
      )}
      {holding?.childrenInvolved ? <ChildrenPrompt /> : null}
      <nav aria-labelledby="contents-title" className="mb-8 max-w-xl">
        <h2 id="contents-title" className="mb-2 text-lg">Contents</h2>
        <ul className="list-none space-y-1 border-l-4 border-border pl-4">
          {[...(marac ? MARAC_SECTIONS : []), ...caseSectionLinks()].map((s) => (
            <li key={s.id}>
              <span aria-hidden="true">– </span>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <SectionControls initiallyOpen />
      {declineReason !== null ? (
        <div className="mb-8 border-l-4 border-error bg-panel p-4">
          <h2 className="text-xl">This referral was declined</h2>
          <ProjectedText value={declineReason} />
        </div>
      ) : null}
      {marac ? (
        <>
          <EarlierReferrals caseId={caseId} repeats={marac.repeats} canDecide={me.role === "chair" || me.role === "coordinator"} />
          <RiskFlags caseId={caseId} flags={marac.flags} canFlag={me.role === "chair" || me.role === "idva"} mayBeWithheld={me.role !== "chair" && me.role !== "coordinator"} />
          <Section collapsible open title="Actions" id="actions">
            <ActionList actions={marac.actions} mayBeWithheld={me.role !== "chair" && me.role !== "coordinator"} />
            {actionOptions ? (
              <ActionForm
                caseId={caseId}
                meetings={actionOptions.meetings.map((m) => ({ value: m.id, label: `${formatValue(m.date)} ${m.time}` }))}
                agencies={actionOptions.agencies.map((a) => ({ value: a.id, label: a.name }))}
              />
            ) : null}
          </Section>
        </>
      ) : null}
      {holding ? <CaseOverrides caseId={caseId} overrides={holding.overrides} /> : null}
      <CaseView data={data} collapsible />
    </>
  );
}
