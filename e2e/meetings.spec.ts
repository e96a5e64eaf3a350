import { extractPdfText } from "../server/exports/pdf/extract-text";
import { expect, signIn, test } from "./fixtures";

test("a coordinator builds and publishes an agenda; only invited agencies see it", async ({ browser, a11y }) => {
  const coordinator = await (await browser.newContext()).newPage();
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
    await select.selectOption(value ?? "");
    await coordinator.getByRole("button", { name: "Add to agenda" }).click();
    await expect(coordinator.getByText("The case has been added to the agenda.")).toBeVisible();
  };
  await add(/Helen Greaves/);
  await add(/Ionela Popescu/);
  await add(/Rebecca Lowe/);
  const items = coordinator.getByRole("main").getByRole("listitem").filter({ hasText: "Dash" });
  const firstTwo = async () => (await items.allInnerTexts()).map((t) => t.split("\n")[0] ?? "");
  const before = await firstTwo();
  // Reorder from the keyboard: focus the button and press Enter.
  const second = before[1]?.match(/NS-\d{4}-\d{4}/)?.[0] ?? "";
  const move = coordinator.getByRole("button", { name: `Move up ${second}` });
  await move.focus();
  await move.press("Enter");
  await expect(coordinator.getByText("The agenda order has been changed.")).toBeVisible();
  const after = await firstTwo();
  expect(after).not.toEqual(before);

  await coordinator.getByRole("button", { name: "Publish agenda to the invited agencies" }).click();
  await expect(coordinator.getByText("The agenda has been published to the invited agencies.")).toBeVisible();
  const meetingUrl = coordinator.url().replace(/\?.*$/, "");

  const housing = await (await browser.newContext()).newPage();
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

  const saheli = await (await browser.newContext()).newPage();
  await signIn(saheli, "saheli@northshire.example");
  await saheli.goto(`${meetingUrl}/pack`);
  await expect(saheli.getByRole("heading", { name: "Pack for Saheli Women's Project" })).toBeVisible();
  // A by-and-for service may see immigration information (design.md section 4); it may not see safe contact details.
  await expect(saheli.getByText("Restricted: immigration. Not shared with your agency.")).toHaveCount(0);
  await expect(saheli.getByText(/^Restricted: safe contact\. Not shared with your agency\./).first()).toBeVisible();
  await a11y(saheli);

  const probation = await (await browser.newContext()).newPage();
  await signIn(probation, "probation@northshire.example");
  await probation.goto("/meetings");
  await expect(probation.getByRole("link", { name: /17 December 2026/ })).toHaveCount(0);
  const res = await probation.goto(meetingUrl);
  expect(res?.status()).toBe(404);
});
