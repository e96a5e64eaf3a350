import type { Page } from "@playwright/test";
import { DEMO_AGENCIES, DEMO_USERS } from "../db/seed/demo-area";
import { DEFAULT_POLICY } from "../server/domain/policy/default-policy";
import { policyToInput } from "../server/domain/policy/define-policy";
import { oracleMaySeeAll } from "../server/domain/testing/oracle";
import { extractPdfText } from "../server/exports/pdf/extract-text";
import { errorSummary, expect, newPersonPage, PASSWORD, signIn, test } from "./fixtures";
import { MARKER_ACTIONS, MARKER_CASE, MARKER_FLAGS, MARKER_NOTES } from "./markers";

const trpcGet = (path: string, input?: unknown) =>
  `/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

async function markerCaseId(page: Page): Promise<string> {
  await signIn(page, "chair@northshire.example");
  const res = await page.request.get(trpcGet("cases.list", { q: MARKER_CASE.record.victim.name }));
  const body = (await res.json()) as { result: { data: { json: { rows: { id: string }[] } } } };
  const id = body.result.data.json.rows[0]?.id;
  if (!id) throw new Error("the e2e server did not import the marker case");
  await page.getByRole("button", { name: "Sign out" }).click();
  return id;
}

/**
 * For every demo user: every page and every query procedure they might call, fetched as raw HTTP
 * (HTML, the RSC payload, JSON). No marker their agency may not see appears in any body.
 */
for (const user of DEMO_USERS.filter((u) => u.active)) {
  test(`${user.role} of ${user.agency}: no response carries a value withheld from them`, async ({ page }) => {
    const caseId = await markerCaseId(page);
    const agency = DEMO_AGENCIES.find((a) => a.key === user.agency);
    if (!agency) throw new Error("unknown agency");
    await signIn(page, user.email);
    await expect(page, `${user.email} could not sign in`).not.toHaveURL(/sign-in/);

    const viewer = { userId: "u", role: user.role, agencyId: "a", agencyType: agency.type };
    const tokens = [
      ...MARKER_CASE.tokens,
      ...MARKER_FLAGS.map((f) => ({ token: f.note, path: `flag:${f.factorId}`, tags: f.tags })),
      ...MARKER_ACTIONS.map((a) => ({ token: a.description, path: `action:${a.owner}`, tags: a.tags })),
      // The status sentence of the minutes notes (its first word is the marker).
      { token: MARKER_NOTES.immigration.split(" ")[0] ?? "", path: "minutes:immigration sentence", tags: ["immigration"] as const },
    ];
    const forbidden = tokens.filter((t) => !oracleMaySeeAll(t.tags, viewer, policyToInput(DEFAULT_POLICY), [], caseId, new Date()));
    if (user.role === "agency_rep" && agency.type !== "idva") expect(forbidden.length).toBeGreaterThan(0);

    const pages = ["/", "/account", "/cases", `/cases?q=${encodeURIComponent(MARKER_CASE.record.victim.name)}`, `/cases/${caseId}`, `/cases/${caseId}/edit`, `/cases/${caseId}/narrative`, `/cases/${caseId}/sharing-record`, "/admin/audit", "/admin/users", "/admin/changes", "/approvals", "/triage", "/referrals", "/actions", "/meetings"];
    const procedures = [
      trpcGet("account.me"),
      trpcGet("cases.list", { q: MARKER_CASE.record.victim.name }),
      trpcGet("cases.get", { caseId }),
      trpcGet("cases.forEditing", { caseId }),
      trpcGet("cases.sharingRecord", { caseId }),
      trpcGet("cases.removals", { caseId }),
      trpcGet("cases.flags", { caseId }),
      trpcGet("cases.repeats", { caseId }),
      trpcGet("triage.queue"),
      trpcGet("actions.forCase", { caseId }),
      trpcGet("actions.mine"),
      trpcGet("admin.audit.list", { page: 1 }),
    ];
    const bodies: string[] = [];
    for (const path of pages) {
      bodies.push(await (await page.request.get(path)).text());
      bodies.push(await (await page.request.get(path, { headers: { RSC: "1" } })).text());
    }
    for (const path of procedures) bodies.push(await (await page.request.get(path)).text());

    // The marker meeting's pack for this user's agency: page, RSC payload, JSON and PDF text.
    const meetingsRes = (await (await page.request.get(trpcGet("meetings.list"))).json()) as { result?: { data: { json: { id: string; venue: string }[] } } };
    const markerMeeting = meetingsRes.result?.data.json.find((m) => m.venue === "E2E marker meeting");
    if (markerMeeting) {
      const packPath = `/meetings/${markerMeeting.id}/pack`;
      bodies.push(await (await page.request.get(packPath)).text());
      bodies.push(await (await page.request.get(packPath, { headers: { RSC: "1" } })).text());
      bodies.push(await (await page.request.get(trpcGet("meetings.pack", { meetingId: markerMeeting.id }))).text());
      bodies.push(await (await page.request.get(trpcGet("meetings.research", { meetingId: markerMeeting.id, caseId }))).text());
      const pdf = await page.request.get(`${packPath}.pdf`);
      if (pdf.ok()) bodies.push((await extractPdfText(await pdf.body())).join("\n"));
      const minutesPath = `/meetings/${markerMeeting.id}/minutes`;
      bodies.push(await (await page.request.get(minutesPath)).text());
      bodies.push(await (await page.request.get(minutesPath, { headers: { RSC: "1" } })).text());
      bodies.push(await (await page.request.get(trpcGet("meetings.minutes", { meetingId: markerMeeting.id }))).text());
      const minutesPdf = await page.request.get(`${minutesPath}.pdf`);
      if (minutesPdf.ok()) bodies.push((await extractPdfText(await minutesPdf.body())).join("\n"));
    }
    const all = bodies.join("\n");
    for (const tok of forbidden) expect(all.includes(tok.token), `${tok.path} reached ${user.email}`).toBe(false);

    // The check has teeth: what the viewer may see does arrive (for those who may open the case).
    if (user.role !== "admin" && agency.isMaracMember) expect(all.includes(MARKER_CASE.record.victim.name), "the viewer's own view arrived").toBe(true);
  });
}

type Json<T> = { result: { data: { json: T } } };
const trpcPost = (page: Page, path: string, input: unknown) => page.request.post(`/api/trpc/${path}`, { data: { json: input } });

/**
 * The admin's takeover routes of issue 3, as raw HTTP: lifting Immigration Enforcement into a member
 * of another type, creating a coordinator with a chosen password, resetting a password to one of
 * their own, and signing in as that user. Each fails; what is left is a proposal for a chair.
 */
test("the admin cannot lift Immigration Enforcement or sign in as an account they created or reset", async ({ page, browser }) => {
  const CHOSEN = "admin chosen passphrase 9";
  await signIn(page, "admin@northshire.example");
  type Agency = { id: string; name: string; type: string; isMaracMember: boolean; active: boolean; version: number };
  const agencies = async () => ((await (await page.request.get(trpcGet("admin.agencies.list"))).json()) as Json<Agency[]>).result.data.json;
  const ie = (await agencies()).find((a) => a.type === "immigration_enforcement");
  const police = (await agencies()).find((a) => a.name === "Northshire Police");
  if (!ie || !police) throw new Error("the demo agencies are missing");
  const { userCount: _n, ...ieFields } = ie as Agency & { userCount: number };
  for (const change of [{ type: "by_and_for", isMaracMember: true }, { type: "by_and_for" }, { isMaracMember: true }]) {
    const res = await trpcPost(page, "admin.agencies.update", { ...ieFields, createdAt: undefined, updatedAt: undefined, ...change });
    expect(res.status(), JSON.stringify(change)).toBe(400);
  }
  expect((await agencies()).find((a) => a.id === ie.id)).toMatchObject({ type: "immigration_enforcement", isMaracMember: false });

  const created = await trpcPost(page, "admin.users.create", { name: "Mallory Coordinator", email: "mallory@northshire.example", agencyId: police.id, role: "coordinator", password: CHOSEN });
  expect(created.ok()).toBe(true);
  const proposalId = ((await created.json()) as Json<{ proposalId: string }>).result.data.json.proposalId;
  expect((await trpcPost(page, "approvals.approve", { id: proposalId })).status()).toBe(403);

  const users = ((await (await page.request.get(trpcGet("admin.users.list"))).json()) as Json<{ id: string; email: string }[]>).result.data.json;
  expect(users.some((u) => u.email === "mallory@northshire.example")).toBe(false);
  const coordinator = users.find((u) => u.email === "coordinator@northshire.example");
  if (!coordinator) throw new Error("the demo coordinator is missing");
  expect((await trpcPost(page, "admin.users.resetPassword", { id: coordinator.id, password: CHOSEN })).ok()).toBe(true);

  const other = await newPersonPage(browser);
  for (const email of ["mallory@northshire.example", "coordinator@northshire.example"]) {
    await signIn(other, email, CHOSEN);
    await expect(errorSummary(other), email).toContainText("The email address or password is not correct.");
    expect((await other.request.get(trpcGet("cases.list", { q: MARKER_CASE.record.victim.name }))).status()).toBe(401);
  }
  // The proposed reset changed nothing yet: the coordinator's own password still works.
  await signIn(other, "coordinator@northshire.example", PASSWORD);
  await expect(other).not.toHaveURL(/sign-in/);
  await other.close();
});
