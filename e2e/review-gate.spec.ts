import type { Page } from "@playwright/test";
import { DEMO_AGENCIES, DEMO_USERS } from "../db/seed/demo-area";
import { DEFAULT_POLICY } from "../server/domain/policy/default-policy";
import { policyToInput } from "../server/domain/policy/define-policy";
import { makeSampleCase } from "../server/domain/testing/fixtures";
import { oracleMaySeeAll } from "../server/domain/testing/oracle";
import { riskFactorById } from "../server/domain/referral/risk-factors";
import { extractPdfText } from "../server/exports/pdf/extract-text";
import { expect, signIn, signOut, test } from "./fixtures";
import { GATE_FLAG_FACTOR, GATE_MEETING_VENUE, GATE_TEXTS, GATE_VICTIM } from "./markers";

const trpcGet = (path: string, input?: unknown) =>
  `/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;
const data = async <T>(page: Page, path: string, input?: unknown): Promise<T> => ((await (await page.request.get(trpcGet(path, input))).json()) as { result: { data: { json: T } } }).result.data.json;
const mutate = async (page: Page, path: string, input: unknown) => {
  const res = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
};

/** Every surface a gate sentence could reach a user on, fetched as raw HTTP, joined. */
async function everything(page: Page, caseId: string): Promise<string> {
  const bodies: string[] = [];
  const get = async (path: string, rsc = false) => bodies.push(await (await page.request.get(path, rsc ? { headers: { RSC: "1" } } : {})).text());
  for (const path of [`/cases/${caseId}`, "/actions"]) {
    await get(path);
    await get(path, true);
  }
  for (const [path, input] of [["cases.get", { caseId }], ["cases.flags", { caseId }], ["actions.forCase", { caseId }], ["actions.mine", undefined]] as const) await get(trpcGet(path, input));
  const meetings = await page.request.get(trpcGet("meetings.list"));
  const meeting = meetings.ok() ? ((await meetings.json()) as { result: { data: { json: { id: string; venue: string }[] } } }).result.data.json.find((m) => m.venue === GATE_MEETING_VENUE) : undefined;
  if (meeting) {
    for (const path of [`/meetings/${meeting.id}/pack`, `/meetings/${meeting.id}/minutes`]) {
      await get(path);
      await get(path, true);
      const pdf = await page.request.get(`${path}.pdf`);
      if (pdf.ok()) bodies.push((await extractPdfText(await pdf.body())).join("\n"));
    }
    await get(trpcGet("meetings.pack", { meetingId: meeting.id }));
    await get(trpcGet("meetings.minutes", { meetingId: meeting.id }));
    await get(trpcGet("meetings.research", { meetingId: meeting.id, caseId }));
    await get(trpcGet("meetings.research", { meetingId: meeting.id }));
  }
  return bodies.join("\n");
}

type Stage = "unreviewed" | "tagged" | "no_tag";
const GATE_CASE_VIEWS = makeSampleCase().victimViews.perTag;
/** Whether a user of this agency may read a gate text at this stage (decision 042). */
/** The gate flag's own tags (the risk factor's): an agency that may not see them never sees the flag. */
const FLAG_TAGS = riskFactorById(GATE_FLAG_FACTOR)?.tags ?? [];

function maySee(agencyKey: string, { author, owner }: { author: string; owner?: string }, stage: Stage, surface: string): boolean {
  const agency = DEMO_AGENCIES.find((a) => a.key === agencyKey);
  if (!agency?.isMaracMember) return false;
  const viewer = { userId: "u", role: "agency_rep", agencyId: "a", agencyType: agency.type } as const;
  if (surface === "flag" && !oracleMaySeeAll(FLAG_TAGS, viewer, policyToInput(DEFAULT_POLICY), [], "c", new Date(), GATE_CASE_VIEWS)) return false;
  // An agency always reads its own research form as it wrote it.
  if (surface === "research" && agencyKey === author) return true;
  // The author's agency reads its own text before review; once tagged, the tag rules apply to it too.
  // An action's owner reads it as written too (decision 084).
  if (stage === "unreviewed") return agencyKey === author || agencyKey === owner;
  if (stage === "no_tag") return true;
  // The gate case is the sample case: its victim's views narrow the policy (decision 049).
  return oracleMaySeeAll(["immigration"], { userId: "u", role: "agency_rep", agencyId: "a", agencyType: agency.type }, policyToInput(DEFAULT_POLICY), [], "c", new Date(), GATE_CASE_VIEWS);
}

/** The IDVA decides every sentence of every text of the gate case: tag immigration, or no tag. */
/** The gate case's texts, as the queue first lists them (once reviewed, a text leaves the queue). */
const gateRefs: string[] = [];

async function reviewGateCase(page: Page, caseId: string, action: "tag" | "no_tag") {
  await signIn(page, "idva@northshire.example");
  if (gateRefs.length === 0) {
    gateRefs.push("case~narrative", ...((await data<{ cases: { caseId: string; texts: { ref: string }[] }[] }>(page, "review.queue")).cases.find((c) => c.caseId === caseId)?.texts.map((t) => t.ref) ?? []));
  }
  const refs = gateRefs;
  for (const ref of [...new Set(refs)].filter((r) => !r.startsWith("case~") || r === "case~narrative")) {
    const text = await data<{ version: string; sentences: { digest: string; sentence: string }[] }>(page, "review.text", { caseId, ref });
    const decisions = text.sentences.filter((s) => s.sentence.startsWith("Gatemark")).map((s) => (action === "tag" ? { digest: s.digest, action, tag: "immigration" } : { digest: s.digest, action }));
    if (decisions.length > 0) await mutate(page, "review.review", { caseId, ref, version: text.version, decisions });
  }
  await signOut(page);
}

test("sentences the detector misses reach no other agency until a case holder reviews them, on any surface", async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, "chair@northshire.example");
  const caseId = (await data<{ rows: { id: string }[] }>(page, "cases.list", { q: GATE_VICTIM })).rows[0]?.id ?? "";
  expect(caseId, "the e2e server imported the gate case").not.toBe("");
  await signOut(page);

  const reps = DEMO_USERS.filter((u) => u.active && u.role === "agency_rep");
  for (const stage of ["unreviewed", "tagged", "no_tag"] as const) {
    if (stage !== "unreviewed") await reviewGateCase(page, caseId, stage === "tagged" ? "tag" : "no_tag");
    for (const user of reps) {
      await signIn(page, user.email);
      const all = await everything(page, caseId);
      for (const [surface, gate] of Object.entries(GATE_TEXTS)) {
        const token = gate.text.split(" ")[0] ?? "";
        expect(all.includes(token), `${stage}: ${surface} text for ${user.email}`).toBe(maySee(user.agency, gate, stage, surface));
      }
      expect(all).not.toMatch(/review(ed)? (is )?pending|awaiting review|not yet reviewed/i);
      await signOut(page);
    }
  }
});
