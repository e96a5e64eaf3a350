import type { Page } from "@playwright/test";
import { errorSummary, expect, newPersonPage, shoot, signIn, test } from "./fixtures";

const STEPS = ["victim", "contact", "background", "immigration", "perpetrators", "household", "dash", "criteria", "consent", "narrative", "check"] as const;
const REASONS_MISSING = "You have ticked professional judgement: give the reasons for your concern.";

async function startReferral(page: Page): Promise<string> {
  await page.goto("/referrals");
  await page.getByRole("button", { name: "Start a new referral" }).click();
  await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}\/victim$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

async function saveAndContinue(page: Page, next: (typeof STEPS)[number]): Promise<void> {
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/referrals/[0-9a-f-]{36}/${next}$`));
}

async function fillDate(page: Page, id: string, day: string, month: string, year: string): Promise<void> {
  await page.locator(`#${id}`).fill(day);
  await page.locator(`#${id}-month`).fill(month);
  await page.locator(`#${id}-year`).fill(year);
}

test("an agency representative refers a case with two perpetrators and a child, sees the live Dash score, submits; the coordinator accepts it", async ({ browser, a11y }) => {
  test.setTimeout(240_000); // eleven form pages and two people: 96 s in a full run on the 2-core CI machine
  const page = await newPersonPage(browser);
  await signIn(page, "housing@northshire.example");
  await page.goto("/referrals");
  await expect(page.getByRole("heading", { level: 1, name: "Refer a case to MARAC" })).toBeVisible();
  await a11y(page);
  await startReferral(page);

  // 1. The victim, over four short pages, with the NPCC hint beside the immigration questions and the tags shown.
  await expect(page.getByText(/step 1 of 11/)).toBeVisible();
  const victimName = `Noor Referral-${Date.now()}`;
  await page.locator("#victim-name").fill(victimName);
  await fillDate(page, "victim-dateOfBirth", "14", "3", "1991");
  await page.locator("#victim-gender").check();
  await a11y(page);
  await saveAndContinue(page, "contact");
  await page.locator("#victim-phone").fill("07700 900123");
  await saveAndContinue(page, "background");
  await page.locator("#victim-firstLanguage").fill("Urdu");
  await saveAndContinue(page, "immigration");
  await expect(page.getByText("Do not ask about or check anyone's immigration status only to fill this in")).toBeVisible();
  await expect(page.locator('label[for="victim-nationality"]')).toContainText("Restricted: immigration");
  await page.locator("#victim-nationality").fill("Pakistani");
  await page.locator("#victim-immigrationNeeds").fill("Needs specialist immigration advice.");
  await a11y(page);
  await saveAndContinue(page, "perpetrators");

  // 2. Two perpetrators: "Add another" saves and shows one more block, keeping the first.
  await expect(page.getByText(/step 5 of 11/)).toBeVisible();
  // Saving the later victim pages kept the first page's answers.
  await page.goto(page.url().replace(/perpetrators$/, "victim"));
  await expect(page.locator("#victim-name")).toHaveValue(victimName);
  await page.goto(page.url().replace(/victim$/, "perpetrators"));
  await page.locator("#perpetrators-0-name").fill("Imran Referral");
  await page.locator("#perpetrators-0-relationshipToVictim").fill("Husband");
  await page.getByRole("button", { name: "Add another perpetrator" }).click();
  await expect(page.locator("#perpetrators-1-name")).toBeVisible();
  await expect(page.locator("#perpetrators-0-name")).toHaveValue("Imran Referral");
  await page.locator("#perpetrators-1-name").fill("Tariq Referral");
  await page.locator("#perpetrators-1-relationshipToVictim").fill("Brother-in-law");
  // A block added by mistake can be removed; the others stay as typed.
  await page.getByRole("button", { name: "Add another perpetrator" }).click();
  await expect(page.locator("#perpetrators-2-name")).toBeVisible();
  await page.getByRole("button", { name: "Remove perpetrator 3" }).click();
  await expect(page.locator("#perpetrators-2-name")).toHaveCount(0);
  await expect(page.locator("#perpetrators-1-name")).toHaveValue("Tariq Referral");
  await a11y(page);
  await saveAndContinue(page, "household");

  // 3. A child.
  await page.getByRole("button", { name: "Add a child or household member" }).click();
  await expect(page.locator("#householdMembers-0-name")).toBeVisible();
  await page.locator("#householdMembers-0-name").fill("Aisha Referral");
  await page.locator("#householdMembers-0-isChild").check();
  await fillDate(page, "householdMembers-0-dateOfBirth", "2", "9", "2019");
  await a11y(page);
  await saveAndContinue(page, "dash");

  // 4. The Dash: the score counts "yes" answers as they are checked; "don't know" never counts.
  // The threshold is the MARAC's setting (another spec may have changed it from the default 14).
  const score = page.getByText(/^Score so far:/);
  await expect(score).toContainText("Score so far: 0 of 24 ‘yes’. This MARAC's threshold is");
  const threshold = Number(/threshold is (\d+)\./.exec(await score.innerText())?.[1]);
  expect(threshold).toBeGreaterThanOrEqual(2);
  expect(threshold).toBeLessThanOrEqual(22);
  await page.locator("#dash-answers-q1-answer").check();
  await expect(score).toContainText("Score so far: 1 of 24");
  for (let q = 2; q <= threshold; q++) await page.locator(`#dash-answers-q${q}-answer`).check();
  await page.locator(`#dash-answers-q${threshold + 1}-answer-dont_know`).check();
  await page.locator(`#dash-answers-q${threshold + 2}-answer-no`).check();
  await expect(score).toContainText(`Score so far: ${threshold} of 24`);
  await expect(score).toContainText("At or over the threshold");
  await page.locator("#dash-answers-q1-answer-no").check();
  await expect(score).toContainText(`Score so far: ${threshold - 1} of 24`);
  await page.locator("#dash-answers-q1-answer").check();
  await page.locator(`#dash-answers-q${threshold + 1}-comment`).fill("Police officer thinks so; the victim is unsure.");
  await page.locator(`#dash-answers-q${threshold + 1}-sourceIfNotVictim`).fill("PC Ellis");
  await a11y(page);
  await saveAndContinue(page, "criteria");

  // 5. The criteria, worked out on the saved answers with the MARAC's thresholds.
  await expect(page.getByText(`Visible high risk: ${threshold} 'yes' answers, at or over this MARAC's threshold of ${threshold}.`)).toBeVisible();
  await expect(page.getByText("Recent separation, or trying to separate")).toBeVisible();
  await page.locator("#criteria-policeIncidentsLast12Months").fill("2");
  await a11y(page);
  await saveAndContinue(page, "consent");

  // 6. Consent and the victim's views on sharing.
  await page.locator("#consent-victimAware").check();
  await page.locator("#consent-consentGiven").check();
  await page.locator("#victimViews-inTheirWords").fill("She does not want anything about her visa shared with housing.");
  await page.locator("#victimViews-perTag-immigration-do_not_share").check();
  await page.locator("#victimViews-perTag-children").check();
  await a11y(page);
  await saveAndContinue(page, "narrative");

  // 7. The narrative: the detector suggests sentences as she types.
  await page
    .getByRole("textbox", { name: "What has happened" })
    .fill("He hit her in the kitchen on Friday. She is on a spouse visa and he says he will have her deported.");
  const suggestions = page.getByRole("list", { name: "Suggested sentences" });
  await expect(suggestions.getByRole("listitem")).toHaveCount(1);
  await expect(suggestions).toContainText("She is on a spouse visa and he says he will have her deported.");
  await expect(suggestions).toContainText("Restricted: immigration");
  await expect(suggestions).toContainText("It looks like immigration information.");
  await page.locator("#referring-officerRole").fill("Tenancy sustainment officer");
  await a11y(page);
  await saveAndContinue(page, "check");

  // 8. Check your answers, then submit.
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers before submitting the referral" })).toBeVisible();
  await expect(page.getByText(victimName)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Perpetrator 2" })).toBeVisible();
  await expect(page.getByText("Tariq Referral")).toBeVisible();
  await expect(page.getByText("Aisha Referral")).toBeVisible();
  await expect(page.getByText(`Score: ${threshold} of 24 ‘yes’.`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Change perpetrators" })).toHaveAttribute("href", /\/perpetrators$/);
  await a11y(page);
  await page.getByRole("button", { name: "Submit referral" }).click();
  await expect(page).toHaveURL(/\/referrals\/submitted\?case=/);
  await expect(page.getByRole("heading", { level: 1, name: "Referral submitted" })).toBeVisible();
  const caseNumber = (await page.locator("strong").filter({ hasText: /^[A-Z]+-\d{4}-\d+$/ }).innerText()).trim();
  expect(caseNumber).toMatch(/^[A-Z]+-\d{4}-\d+$/);
  await expect(page.getByText("The MARAC coordinator will triage your referral.")).toBeVisible();
  await a11y(page);

  // The draft is gone from the list once submitted.
  await page.goto("/referrals");
  await expect(page.getByRole("cell", { name: victimName })).toHaveCount(0);

  // The coordinator finds it in the triage queue and accepts it.
  const coordinator = await newPersonPage(browser);
  await signIn(coordinator, "coordinator@northshire.example");
  await coordinator.goto("/triage");
  await expect(coordinator.getByRole("link", { name: caseNumber, exact: true })).toBeVisible();
  await a11y(coordinator);
  // Accepting asks which meeting, with the next one chosen, then confirms where the case went.
  await coordinator.getByRole("link", { name: `Accept ${caseNumber}` }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: `Accept the referral for ${victimName}` })).toBeVisible();
  const next = coordinator.getByRole("radio", { name: /\(the next meeting\)/ });
  await expect(next).toBeChecked();
  await a11y(coordinator);
  await coordinator.getByRole("button", { name: "Accept referral" }).click();
  await expect(coordinator.getByText(new RegExp(`${caseNumber} has been accepted to MARAC and added to the agenda for \\d{1,2} \\w+ \\d{4} at`))).toBeVisible();
  await expect(coordinator.getByRole("link", { name: `Accept ${caseNumber}` })).toHaveCount(0);
  await page.close();
  await coordinator.close();
});

test("an impossible date of birth and professional judgement without reasons show the error summary and keep the answers", async ({ page, a11y }) => {
  // Several form pages with axe scans: 27.5 s of the default 30 in a full run on the 2-core CI machine.
  test.slow();
  await signIn(page, "housing@northshire.example");
  const draftId = await startReferral(page);

  await page.locator("#victim-name").fill("Zofia Keepsanswers");
  await fillDate(page, "victim-dateOfBirth", "31", "2", "1990");
  await page.locator("#victim-aliases").fill("Zosia");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await expect(errorSummary(page)).toBeFocused();
  const dobLink = errorSummary(page).getByRole("link", { name: "Date of birth must be a real date, like 27 3 1990" });
  await expect(dobLink).toHaveAttribute("href", "#victim-dateOfBirth");
  await expect(page).toHaveURL(new RegExp(`/referrals/${draftId}/victim$`));
  await expect(page.locator("#victim-name")).toHaveValue("Zofia Keepsanswers");
  await expect(page.locator("#victim-dateOfBirth")).toHaveValue("31");
  await expect(page.locator("#victim-dateOfBirth-month")).toHaveValue("2");
  await expect(page.locator("#victim-dateOfBirth-year")).toHaveValue("1990");
  await expect(page.locator("#victim-aliases")).toHaveValue("Zosia");
  await a11y();
  // What was typed was saved into the draft, even though it is not valid yet.
  await page.reload();
  await expect(page.locator("#victim-dateOfBirth")).toHaveValue("31");
  await expect(page.locator("#victim-name")).toHaveValue("Zofia Keepsanswers");

  await page.goto(`/referrals/${draftId}/criteria`);
  await expect(page.getByText("You can still refer on professional judgement").first()).toBeVisible();
  await page.locator("#criteria-policeIncidentsLast12Months").fill("1");
  await page.locator("#criteria-professionalJudgement").check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(errorSummary(page).getByRole("link", { name: REASONS_MISSING })).toHaveAttribute("href", "#criteria-reasons");
  await expect(page.locator("#criteria-professionalJudgement")).toBeChecked();
  await expect(page.locator("#criteria-policeIncidentsLast12Months")).toHaveValue("1");
  await a11y();

  // Submitting anyway: the check page lists each problem, linking to the page and field that hold it.
  await page.goto(`/referrals/${draftId}/check`);
  await page.getByRole("button", { name: "Submit referral" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: /Date of birth must be a real date/ })).toHaveAttribute("href", `/referrals/${draftId}/victim?check=1#victim-dateOfBirth`);
  await expect(summary.getByRole("link", { name: new RegExp(REASONS_MISSING) })).toHaveAttribute("href", `/referrals/${draftId}/criteria?check=1#criteria-reasons`);
  await expect(summary.getByRole("link", { name: /Perpetrator 1: Enter the perpetrator's name/ })).toBeVisible();
  await a11y();
  await summary.getByRole("link", { name: /Date of birth must be a real date/ }).click();
  await expect(page).toHaveURL(new RegExp(`/referrals/${draftId}/victim\\?check=1#victim-dateOfBirth$`));
  await expect(errorSummary(page).getByRole("link", { name: "Date of birth must be a real date, like 27 3 1990" })).toBeVisible();
  await expect(page.locator("#victim-dateOfBirth")).toHaveValue("31");
});

test("every page of the referral form passes axe, empty and with errors", async ({ page, a11y }) => {
  // Sixteen axe scans: every page of the form, empty and with errors (72 s in a full run).
  test.setTimeout(180_000);
  await signIn(page, "idva@northshire.example");
  const draftId = await startReferral(page);
  for (const step of STEPS) {
    await page.goto(`/referrals/${draftId}/${step}`);
    await expect(page.getByText(new RegExp(`step ${STEPS.indexOf(step) + 1} of ${STEPS.length}`))).toBeVisible();
    await a11y();
    if (step === "background" || step === "dash") await shoot(page, `referral-${step}`);
  }
  await page.goto(`/referrals/${draftId}/perpetrators`);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(errorSummary(page)).toContainText("Perpetrator 1: Enter the perpetrator's name.");
  await a11y();
  await page.goto(`/referrals/${draftId}/check`);
  await page.getByRole("button", { name: "Submit referral" }).click();
  await expect(errorSummary(page)).toBeVisible();
  await a11y();
  await page.goto("/referrals/submitted?case=NS-2026-0001");
  await a11y();
});

test("Dash question 9 shows the pregnancy answer given on the victim pages instead of asking again", async ({ page, a11y }) => {
  await signIn(page, "idva@northshire.example");
  const draftId = await startReferral(page);
  await page.goto(`/referrals/${draftId}/background`);
  await page.locator("#victim-pregnantOrBabyUnder18Months").check();
  await saveAndContinue(page, "immigration");
  await page.goto(`/referrals/${draftId}/dash`);
  await expect(page.locator("#dash-answers-q9-answer")).toContainText("Yes: you answered this on the earlier page");
  await expect(page.getByRole("radio", { name: "Yes" })).toHaveCount(23);
  await expect(page.getByText(/^Score so far:/)).toContainText("Score so far: 1 of 24");
  await a11y();
  await page.getByRole("link", { name: "Change the answer about pregnancy" }).click();
  await expect(page).toHaveURL(new RegExp(`/referrals/${draftId}/background#victim-pregnantOrBabyUnder18Months$`));
});
