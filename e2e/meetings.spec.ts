import { extractPdfText } from "../server/exports/pdf/extract-text";
import { expect, signIn, test, newPersonPage } from "./fixtures";

test("a coordinator builds and publishes an agenda; only invited agencies see it", async ({ browser, a11y }) => {
  // A whole journey (agenda, review warning, publishing, two agencies' packs) with an axe scan per page.
  test.slow();
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

  await coordinator.getByLabel("Day").fill("17");
  await coordinator.getByLabel("Month").fill("12");
  await coordinator.getByLabel("Year").fill("2026");
  await coordinator.getByLabel("Start time").fill("09:30");
  await coordinator.getByLabel("Venue").fill("Kingsford Civic Centre, Room 4");
  await coordinator.getByRole("group", { name: "Is the meeting online?" }).getByLabel("No").check();
  await coordinator.getByLabel("Chair", { exact: true }).selectOption({ label: "DI Sarah Okafor" });
  await invitations.getByLabel("Probation Service, Northshire").uncheck();
  await coordinator.getByRole("button", { name: "Create meeting" }).click();
  await expect(coordinator.getByText("The meeting has been created.")).toBeVisible();
  await a11y(coordinator);

  const add = async (label: RegExp) => {
    const select = coordinator.getByLabel("Add an accepted referral");
    const value = await select.locator("option").filter({ hasText: label }).first().getAttribute("value");
    if (!value) throw new Error(`no accepted referral matching ${String(label)} to add`);
    await select.selectOption(value);
    await coordinator.getByRole("button", { name: "Add to agenda" }).click();
    // Wait for the case itself on the agenda: the banner may still show from the previous add.
    await expect(coordinator.getByRole("main").getByRole("listitem").filter({ hasText: label })).toHaveCount(1);
  };
  // Two cases with children in the household and one without (demo data).
  await add(/Helen Greaves/);
  await add(/Blessing Okonkwo/);
  await add(/Nadia Rahman/);
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
  await expect(coordinator.getByText("The agenda order has been changed.")).toBeVisible();
  await expect.poll(async () => (await agenda()).map((l) => l.caseNumber).indexOf(moving)).toBe(i - 1);

  await coordinator.getByRole("button", { name: "Publish agenda to the invited agencies" }).click();
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
  await expect(housing.getByText("Restricted: immigration. Not shared with your agency. Ask the MARAC IDVA.").first()).toBeVisible();
  await a11y(housing);
  const housingPdf = await housing.request.get(`${meetingUrl}/pack.pdf`);
  expect(housingPdf.headers()["content-type"]).toBe("application/pdf");
  const housingText = (await extractPdfText(await housingPdf.body())).join("\n");
  expect(housingText).toContain("OFFICIAL-SENSITIVE");
  expect(housingText).toContain("Prepared for Northshire Homes");
  expect(housingText).not.toContain("pre-settled");

  const saheli = await newPersonPage(browser);
  await signIn(saheli, "saheli@northshire.example");
  await saheli.goto(`${meetingUrl}/pack`);
  await expect(saheli.getByRole("heading", { name: "Pack for Saheli Women's Project" })).toBeVisible();
  // A by-and-for service may see immigration information (design.md section 4), marked Restricted,
  // except where the victim asked for it not to be shared (decision 049); it may not see safe contact details.
  await expect(saheli.getByText(/^Restricted: immigration$/).first()).toBeVisible();
  await expect(saheli.getByText(/^Restricted: safe contact\. Not shared with your agency\./).first()).toBeVisible();
  await a11y(saheli);

  const probation = await newPersonPage(browser);
  await signIn(probation, "probation@northshire.example");
  await probation.goto("/meetings");
  await expect(probation.getByRole("link", { name: /17 December 2026/ })).toHaveCount(0);
  const res = await probation.goto(meetingUrl);
  expect(res?.status()).toBe(404);
});

test("the chair records the meeting; an agency reads its minutes on screen and as a PDF", async ({ browser, a11y }) => {
  const chair = await newPersonPage(browser);
  await signIn(chair, "coordinator@northshire.example");
  await chair.goto("/meetings");
  await chair.getByRole("link", { name: /14 January 2027/ }).click();
  await chair.getByRole("link", { name: "Run the meeting" }).click();
  await a11y(chair);
  await chair.getByLabel("Attendance for Probation Service, Northshire").selectOption("apologies");
  await chair.getByLabel("Names present for Northshire Homes").fill("Hannah Lewis");
  await chair.getByLabel("The confidentiality statement was read and agreed by everyone present").check();
  await chair.getByRole("button", { name: "Save attendance" }).click();
  await expect(chair.getByText("Attendance has been saved.")).toBeVisible();
  await chair.getByRole("button", { name: "Start timer" }).first().click();
  await expect(chair.getByRole("timer").first()).toBeVisible();
  await chair.getByLabel("Discussion summary").first().fill("Police and housing shared recent incidents; the victim wants to stay in her home.");
  await chair.getByLabel("Risks identified").first().fill("High risk of serious harm after separation.");
  await chair.getByRole("button", { name: "Save case notes" }).first().click();
  await expect(chair.getByText("The case notes have been saved.")).toBeVisible();
  await a11y(chair);
  const meetingUrl = chair.url().replace(/\/run.*$/, "");

  // The risks are shared only once reviewed: by keyboard, sentence by sentence.
  await chair.goto("/review");
  await chair.getByRole("link", { name: "Minutes of the meeting on 2027-01-14: risks identified" }).first().click();
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
  const pdf = await housing.request.get(`${meetingUrl}/minutes.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const text = (await extractPdfText(await pdf.body())).join("\n");
  expect(text).toContain("OFFICIAL-SENSITIVE");
  expect(text).toContain("High risk of serious harm after separation.");
  expect(text).not.toContain("E2EMK-action-immigration-text");
});
