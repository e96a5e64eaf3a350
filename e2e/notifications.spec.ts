import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { BASE_URL, expect, newPersonPage, signIn, test } from "./fixtures";
import { MARKER_CASE, MARKER_PREFIX } from "./markers";
import { startSmtpCatcher, type CaughtEmail } from "./smtp-catcher";

const trpcGet = (path: string, input?: unknown) => `/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

async function trpc<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const res = await page.request.post(`/api/trpc/${path}`, { data: input === undefined ? {} : { json: input } });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

async function query<T>(page: Page, path: string, input?: unknown): Promise<T> {
  return ((await (await page.request.get(trpcGet(path, input))).json()) as { result: { data: { json: T } } }).result.data.json;
}

/** The example referral (docs/examples) for another victim, as the form would save it. */
async function exampleDraft(name: string) {
  const { referrals } = JSON.parse(await readFile("docs/examples/referrals.json", "utf8")) as { referrals: Record<string, unknown>[] };
  const { status: _s, referring: _r, ...rest } = referrals[0] ?? {};
  const { dateOfBirth: _d, aliases: _a, ...victim } = rest.victim as Record<string, unknown>;
  return { ...rest, victim: { ...victim, aliases: [], name, dateOfBirth: "1991-05-05" } };
}

/** One notification on the notifications page, by its text. */
const item = (page: Page, text: string | RegExp) => page.getByRole("list", { name: "Your notifications" }).getByRole("listitem").filter({ hasText: text }).first();

async function emailsTo(emails: CaughtEmail[], address: string, atLeast = 1): Promise<CaughtEmail[]> {
  await expect.poll(() => emails.filter((e) => e.to === address).length, { message: `an email to ${address}`, timeout: 30_000 }).toBeGreaterThanOrEqual(atLeast);
  return emails.filter((e) => e.to === address);
}

test("events reach people in the app and by email, and no email carries case content", async ({ browser, a11y }) => {
  test.slow();
  const catcher = await startSmtpCatcher();
  try {
    // Immigration Enforcement refers; the chair declines it with a reason (case content) in words.
    const ie = await newPersonPage(browser);
    await signIn(ie, "ie@northshire.example");
    const victim = `Noor Notifycheck ${Date.now()}`;
    const { id: draftId } = await trpc<{ id: string }>(ie, "referrals.start");
    await trpc(ie, "referrals.save", { draftId, version: 1, patch: await exampleDraft(victim) });
    const referral = await trpc<{ caseId: string; caseNumber: string }>(ie, "referrals.submit", { draftId });

    const chair = await newPersonPage(browser);
    await signIn(chair, "chair@northshire.example");
    const reason = "E2ENTF-reason lives with her sister at 9 Quay Street in Southshire.";
    await trpc(chair, "triage.decline", { caseId: referral.caseId, reason });

    // A meeting far ahead (so that it is nobody's next meeting) with the marker case, published; housing gets an action.
    const { chairs, agencies } = await query<{ chairs: { id: string }[]; agencies: { id: string; name: string }[] }>(chair, "meetings.formOptions");
    const markerId = (await query<{ rows: { id: string }[] }>(chair, "cases.list", { q: MARKER_CASE.record.victim.name })).rows[0]?.id;
    const housing = agencies.find((a) => a.name === "Northshire Homes");
    if (!markerId || !housing) throw new Error("the e2e seed is missing the marker case or Northshire Homes");
    const meeting = await trpc<{ id: string }>(chair, "meetings.create", { date: "2028-03-02", time: "10:00", venue: "E2E notifications meeting", online: true, chairUserId: chairs[0]?.id, invitedAgencyIds: agencies.map((a) => a.id) });
    await trpc(chair, "meetings.addCase", { meetingId: meeting.id, caseId: markerId });
    await trpc(chair, "meetings.publish", { meetingId: meeting.id });
    await trpc(chair, "actions.create", { meetingId: meeting.id, caseId: markerId, description: "E2ENTF-action fit a door alarm.", tags: [], owningAgencyId: housing.id, ownerName: "E2ENTF-owner", dueDate: "2028-03-20" });

    // The emails arrive: for IE its referral's status only, for housing the agenda and its action.
    const toIe = await emailsTo(catcher.emails, "ie@northshire.example");
    expect(toIe.map((e) => e.text).join("\n")).toContain("A decision has been made on a referral your agency made.");
    const toHousing = await emailsTo(catcher.emails, "housing@northshire.example", 2);
    const housingText = toHousing.map((e) => e.text).join("\n");
    expect(housingText).toContain("A MARAC agenda has been published");
    expect(housingText).toContain("A MARAC action has been given to your agency.");
    expect(housingText).toContain(`${BASE_URL}/notifications`);
    for (const { to, text } of catcher.emails) {
      for (const leak of [MARKER_PREFIX, "E2ENTF", victim, "Notifycheck", "Quay Street", "Southshire", referral.caseNumber, MARKER_CASE.record.victim.name, "2028", "door alarm"]) {
        expect(text.includes(leak), `"${leak}" in an email to ${to}`).toBe(false);
      }
      expect(text, `a case number in an email to ${to}`).not.toMatch(/NS-\d{4}-\d{4}/);
    }

    // In the app: IE sees its referral's status with the case number, and nothing of the meeting.
    await ie.goto("/notifications");
    await expect(ie.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(item(ie, `Your agency's referral ${referral.caseNumber} was not accepted for MARAC. Open it to read why.`)).toBeVisible();
    await expect(ie.getByText("agenda for the MARAC meeting")).toHaveCount(0);
    await a11y(ie);

    // Housing: the count in the header, the page, opening one, marking all read.
    const rep = await newPersonPage(browser);
    await signIn(rep, "housing@northshire.example");
    const link = rep.getByRole("link", { name: /^Notifications \d+ unread$/ });
    await expect(link).toBeVisible();
    await link.click();
    await expect(rep).toHaveURL(/\/notifications$/);
    await expect(item(rep, "The agenda for the MARAC meeting on 2 March 2028 has been published. Your agency's pack is ready.")).toBeVisible();
    await expect(item(rep, /A MARAC action for case NS-\d{4}-\d{4} has been given to your agency\./)).toBeVisible();
    await expect(rep.locator("main")).not.toContainText("E2ENTF");
    await a11y(rep);
    for (const width of [1280, 390]) {
      await rep.setViewportSize({ width, height: 900 });
      await rep.screenshot({ path: `test-results/notifications-${width}.png`, fullPage: true });
    }
    await rep.setViewportSize({ width: 1280, height: 900 });
    await item(rep, "The agenda for the MARAC meeting on 2 March 2028 has been published.").getByRole("button", { name: /^Open/ }).click();
    await expect(rep).toHaveURL(new RegExp(`/meetings/${meeting.id}/pack$`));
    await rep.goto("/notifications");
    await rep.getByRole("button", { name: "Mark all as read" }).click();
    await expect(rep.getByText("All notifications are marked as read.")).toBeVisible();
    await expect(rep.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
    await a11y(rep);
    await Promise.all([ie.close(), chair.close(), rep.close()]);
  } finally {
    await catcher.close();
  }
});
