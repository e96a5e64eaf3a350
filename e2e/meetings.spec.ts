import { unzipSync } from "fflate";
import { extractPdfText } from "../server/exports/pdf/extract-text";
import type { Page } from "@playwright/test";
import { expect, signIn, test, newPersonPage } from "./fixtures";

/** Full-page screenshots at desktop and phone widths, kept with the test's output to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a coordinator builds and publishes an agenda; only invited agencies see it", async ({ browser, a11y }) => {
  // A whole journey (agenda, review warning, publishing, two agencies' packs) with an axe scan per page
  // and screenshots at two widths: on a loaded machine it outruns even a slow test's 90 seconds.
  test.setTimeout(240_000);
  const coordinator = await newPersonPage(browser);
  await signIn(coordinator, "coordinator@northshire.example");
  await coordinator.goto("/meetings");
  await a11y(coordinator);
  await coordinator.getByRole("link", { name: "Create a meeting" }).click();
  await a11y(coordinator);
  const invitations = coordinator.getByRole("group", { name: "Invite these member agencies" });
  await expect(invitations.getByLabel("Immigration Enforcement")).toHaveCount(0);

  await coordinator.getByRole("button", { name: "Create meeting" }).click();
  await expect(coordinator.getByRole("alert", { name: "There is a problem" })).toContainText("Enter the meeting date as a real date");
  await a11y(coordinator);

  const date = coordinator.getByRole("group", { name: "Date" });
  await date.getByLabel("Day").fill("17");
  await date.getByLabel("Month").fill("12");
  await date.getByLabel("Year").fill("2026");
  await coordinator.getByLabel("Start time").fill("09:30");
  await coordinator.getByLabel("Venue").fill("Kingsford Civic Centre, Room 4");
  await coordinator.getByRole("group", { name: "Is the meeting online?" }).getByLabel("No").check();
  await coordinator.getByLabel("Chair", { exact: true }).selectOption({ label: "DI Sarah Okafor" });
  await invitations.getByLabel("Probation Service, Northshire").uncheck();
  await coordinator.getByRole("button", { name: "Create meeting" }).click();
  await expect(coordinator.getByText("The meeting has been created.")).toBeVisible();
  await a11y(coordinator);

  // Several cases at once, from a filtered list of accepted cases (GOV.UK checkboxes).
  await coordinator.getByRole("link", { name: "Add cases to the agenda" }).click();
  await expect(coordinator.getByRole("heading", { name: "Add cases to the agenda" })).toBeVisible();
  await a11y(coordinator);
  await coordinator.getByText("Filter the list").click();
  await coordinator.getByLabel("Every accepted case").check();
  await coordinator.getByRole("button", { name: "Apply filters" }).click();
  await expect(coordinator.getByLabel("Every accepted case")).toBeChecked();
  for (const name of [/Helen Greaves/, /Blessing Okonkwo/, /Nadia Rahman/]) await coordinator.getByRole("checkbox", { name }).first().check();
  await screenshots(coordinator, "add-cases");
  await coordinator.getByRole("button", { name: "Add selected cases" }).click();
  await expect(coordinator.getByText("The cases have been added to the agenda.")).toBeVisible();
  const items = coordinator.getByRole("main").getByRole("listitem").filter({ hasText: "children in household" });
  const agenda = async () =>
    (await items.allInnerTexts()).map((t) => ({ caseNumber: t.match(/NS-\d{4}-\d{4}/)?.[0] ?? "", children: /children in household: yes/.test(t) }));
  const before = await agenda();
  expect(before).toHaveLength(3);
  // Children's cases come first.
  expect(before.findIndex((l) => !l.children) === -1 || before.slice(before.findIndex((l) => !l.children)).every((l) => !l.children)).toBe(true);
  // Reorder from the keyboard, within a group: focus the button and press Enter.
  const i = before.findIndex((l, k) => k > 0 && before[k - 1]?.children === l.children);
  expect(i, "two cases of the same group to reorder").toBeGreaterThan(0);
  const moving = before[i]?.caseNumber ?? "";
  const move = coordinator.getByRole("button", { name: `Move up ${moving}` });
  await move.focus();
  await move.press("Enter");
  await expect(coordinator.getByText("The case has been moved up.")).toBeVisible();
  await expect.poll(async () => (await agenda()).map((l) => l.caseNumber).indexOf(moving)).toBe(i - 1);
  // The focus stays on the moved case's button.
  await expect(coordinator.getByRole("button", { name: `Move up ${moving}` })).toBeFocused();
  // An adult-only case cannot move above a children's case, and the message says why.
  const after = await agenda();
  const firstAdult = after.findIndex((l) => !l.children);
  if (firstAdult > 0) {
    const adult = after[firstAdult]?.caseNumber ?? "";
    await coordinator.getByRole("button", { name: `Move up ${adult}` }).click();
    await expect(coordinator.getByRole("alert").filter({ hasText: "cases with children in the household stay before adult-only cases" })).toBeVisible();
    await expect(coordinator.getByText("The case has been moved up.")).toHaveCount(0);
    await expect(coordinator.getByRole("button", { name: `Move up ${adult}` })).toBeFocused();
  }
  await a11y(coordinator);
  await screenshots(coordinator, "agenda");

  // Publishing asks for confirmation first.
  await coordinator.getByRole("link", { name: "Publish agenda" }).click();
  await expect(coordinator.getByRole("heading", { name: "Are you sure you want to publish the agenda?" })).toBeVisible();
  await expect(coordinator.getByText("Research due by")).toBeVisible();
  await a11y(coordinator);
  await screenshots(coordinator, "publish");
  await coordinator.getByRole("button", { name: /Yes, publish the agenda|Publish anyway/ }).click();
  await expect(coordinator.getByText("The agenda has been published to the invited agencies.")).toBeVisible();
  const meetingUrl = coordinator.url().replace(/\?.*$/, "");

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto("/meetings");
  await housing.getByRole("link", { name: /17 December 2026/ }).click();
  await expect(housing.getByText("Helen Greaves")).toBeVisible();
  await expect(housing.getByRole("button", { name: /Move/ })).toHaveCount(0);
  await a11y(housing);

  // Two agencies, two packs of the same agenda: each through its own projection, on screen and as PDF.
  await housing.getByRole("link", { name: "Your agency's pack" }).click();
  await expect(housing.getByRole("heading", { name: "Pack for Northshire Homes" })).toBeVisible();
  // The research deadline, two working days before 17 December 2026.
  await expect(housing.getByText("Research is due by the end of 15 December 2026.")).toBeVisible();
  await expect(housing.getByText("Not shared with your agency (immigration information). Ask the MARAC IDVA.").first()).toBeVisible();
  await a11y(housing);
  const housingPdf = await housing.request.get(`${meetingUrl}/pack.pdf`);
  expect(housingPdf.headers()["content-type"]).toBe("application/pdf");
  const housingText = (await extractPdfText(await housingPdf.body())).join("\n");
  expect(housingText).toContain("OFFICIAL-SENSITIVE");
  expect(housingText).toContain("Prepared for Northshire Homes");
  expect(housingText).not.toContain("pre-settled");
  // The coordinator's zip: every invited agency's pack, built on the worker thread (decision 076).
  expect((await housing.request.get(`${meetingUrl}/packs.zip`)).status()).toBe(403);
  const zipRes = await coordinator.request.get(`${meetingUrl}/packs.zip`);
  expect(zipRes.headers()["content-type"]).toBe("application/zip");
  expect(zipRes.headers()["content-disposition"]).toBe('attachment; filename="marac-packs-2026-12-17.zip"');
  const zipped = unzipSync(new Uint8Array(await zipRes.body()));
  const housingInZip = (await extractPdfText(zipped["marac-pack-2026-12-17-northshire-homes.pdf"] ?? new Uint8Array())).join("\n");
  expect(housingInZip).toContain("Prepared for Northshire Homes");
  expect(housingInZip).not.toContain("pre-settled");

  const saheli = await newPersonPage(browser);
  await signIn(saheli, "saheli@northshire.example");
  await saheli.goto(`${meetingUrl}/pack`);
  await expect(saheli.getByRole("heading", { name: "Pack for Saheli Women's Project" })).toBeVisible();
  // A by-and-for service may see immigration information (design.md section 4), marked Restricted,
  // except where the victim asked for it not to be shared (decision 049); it may not see safe contact details.
  await expect(saheli.getByText(/^Restricted: immigration$/).first()).toBeVisible();
  await expect(saheli.getByText(/^Not shared with your agency \(safe contact information\)\./).first()).toBeVisible();
  await a11y(saheli);

  const probation = await newPersonPage(browser);
  await signIn(probation, "probation@northshire.example");
  await probation.goto("/meetings");
  await expect(probation.getByRole("link", { name: /17 December 2026/ })).toHaveCount(0);
  const res = await probation.goto(meetingUrl);
  expect(res?.status()).toBe(404);
});

test("the chair records the meeting; an agency reads its minutes on screen and as a PDF", async ({ browser, a11y }) => {
  // A whole journey (statement, attendance, timer, notes, an action, review, minutes) with an axe scan per page
  // and screenshots at two widths.
  test.setTimeout(240_000);
  const chair = await newPersonPage(browser);
  await signIn(chair, "coordinator@northshire.example");
  await chair.goto("/meetings");
  await chair.getByRole("link", { name: /14 January 2027/ }).click();
  await chair.getByRole("link", { name: "Run the meeting" }).click();
  // Before the first case: the MARAC's statement, and attendance not yet recorded.
  await expect(chair.getByRole("heading", { name: "Run the meeting: before the first case" })).toBeVisible();
  await expect(chair.getByText(/Everything discussed here is confidential/)).toBeVisible();
  await expect(chair.getByLabel("Attendance for Northshire Homes")).toHaveValue("");
  await a11y(chair);
  await screenshots(chair, "run-start");
  await chair.getByLabel("Attendance for Northshire Homes").selectOption("attended");
  await chair.getByLabel("Attendance for Probation Service, Northshire").selectOption("apologies");
  await chair.getByLabel("Names present for Northshire Homes").fill("Hannah Lewis");
  await chair.getByLabel("I have read the statement and everyone present has agreed to it").check();
  await chair.getByRole("button", { name: "Save and go to the first case" }).click();
  await expect(chair.getByText("Attendance and the confidentiality statement have been saved.")).toBeVisible();
  await expect(chair.getByText(/case 1 of/)).toBeVisible();

  // The timer is kept on the server: it keeps counting after a reload.
  await chair.getByRole("button", { name: "Start timer" }).click();
  await expect(chair.getByText("The timer has started.")).toBeVisible();
  await chair.reload();
  await expect(chair.getByRole("button", { name: "Restart timer" })).toBeVisible();
  await expect.poll(async () => chair.getByRole("timer").innerText(), { timeout: 5000 }).not.toBe("00:00");

  // Notes save themselves after a pause.
  await chair.getByLabel("Discussion").fill("Police and housing shared recent incidents; the victim wants to stay in her home.");
  await chair.getByLabel("Summary of risks").fill("High risk of serious harm after separation.");
  await chair.getByLabel("Safety plan agreed").fill("Sanctuary scheme at her home; the IDVA keeps in weekly contact.");
  await expect(chair.getByRole("status").filter({ hasText: /Saved at/ })).toBeVisible({ timeout: 10_000 });

  // An action added on the same screen, for the case under discussion.
  await chair.getByLabel("Action", { exact: true }).fill("Fit a door chain and a video doorbell.");
  await chair.getByLabel("Agency that owns it").selectOption({ label: "Northshire Homes" });
  await chair.getByLabel("Owner's name").fill("Hannah Lewis");
  await chair.getByLabel("Day").fill("31");
  await chair.getByLabel("Month").fill("1");
  await chair.getByLabel("Year").fill("2027");
  await chair.getByRole("button", { name: "Add action" }).click();
  await expect(chair.getByText("The action has been added.")).toBeVisible();
  await expect(chair.getByText("Fit a door chain and a video doorbell.").first()).toBeVisible();
  // The notes saved before are still there.
  await expect(chair.getByLabel("Summary of risks")).toHaveValue("High risk of serious harm after separation.");
  await a11y(chair);
  await screenshots(chair, "run-case");
  await chair.getByRole("button", { name: /^Case complete/ }).click();
  await expect(chair.getByText("The case has been marked complete.")).toBeVisible();
  await chair.goto(chair.url().replace(/\/run.*$/, "/run"));
  await expect(chair.getByText(/Confirmed as read and agreed by/)).toBeVisible();
  const meetingUrl = chair.url().replace(/\/run.*$/, "");

  // The risks are shared only once reviewed: by keyboard, sentence by sentence.
  await chair.goto("/review");
  await chair.getByRole("link", { name: "Minutes of the meeting on 2027-01-14: summary of risks" }).first().click();
  await expect(chair.getByText("High risk of serious harm after separation.")).toBeVisible();
  const confirm = chair.getByRole("radio", { name: /Confirm/ }).first();
  await confirm.focus();
  await chair.keyboard.press("Space");
  await expect(confirm).toBeChecked();
  await chair.getByRole("button", { name: "Save review" }).focus();
  await chair.keyboard.press("Enter");
  await expect(chair.getByText("Your review has been saved.")).toBeVisible();
  await a11y(chair);

  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto(`${meetingUrl}/minutes`);
  await expect(housing.getByRole("heading", { name: "Minutes for Northshire Homes" })).toBeVisible();
  await expect(housing.getByText("Read and agreed by all present")).toBeVisible();
  await expect(housing.getByText("High risk of serious harm after separation.")).toBeVisible();
  await expect(housing.getByText("Probation Service, Northshire: Apologies")).toBeVisible();
  await expect(housing.getByText("E2EMK-action-immigration-text")).toHaveCount(0);
  await a11y(housing);
  await screenshots(housing, "minutes");
  const pdf = await housing.request.get(`${meetingUrl}/minutes.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = (await extractPdfText(await pdf.body())).join("\n");
  expect(text).toContain("OFFICIAL-SENSITIVE");
  expect(text).toContain("High risk of serious harm after separation.");
  expect(text).not.toContain("E2EMK-action-immigration-text");
});
