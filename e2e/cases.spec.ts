import { errorSummary, expect, signIn, test, newPersonPage } from "./fixtures";
import { MARKER_CASE } from "./markers";

const immigrationSentence = (text: string) => text.split(/(?<=\.)\s+/).find((s) => /visa|leave to remain|deport|Home Office|asylum|settled|status/i.test(s)) ?? "";

test("a housing officer and the IDVA open the same case and see two different views; the sharing record shows both", async ({ browser, a11y }) => {
  const housing = await newPersonPage(browser);
  await signIn(housing, "housing@northshire.example");
  await housing.goto("/cases?q=Parveen");
  await a11y(housing);
  await housing.getByRole("link", { name: /NS-2026-/ }).first().click();
  await expect(housing).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(housing.getByRole("heading", { level: 1 })).toContainText("Parveen");
  await a11y(housing);
  const housingImmigration = housing.getByRole("definition").filter({ hasText: "Not shared with your agency (immigration information). Ask the MARAC IDVA." });
  await expect(housingImmigration.first()).toBeVisible();
  await expect(housing.getByText("Parts of this text may be withheld under the MARAC information-sharing protocol.").first()).toBeVisible();
  const url = housing.url();
  const housingNarrative = (await housing.locator("section[aria-labelledby=narrative] details > div > div").first().innerText()).trim();

  const idva = await newPersonPage(browser);
  await signIn(idva, "idva@northshire.example");
  await idva.goto(url);
  await a11y(idva);
  await expect(idva.getByText("Not shared with your agency (immigration information).")).toHaveCount(0);
  await expect(idva.getByText("Restricted: immigration").first()).toBeVisible();
  const idvaNarrative = (await idva.locator("section[aria-labelledby=narrative] details > div > div").first().innerText()).trim();
  const sentence = immigrationSentence(idvaNarrative);
  expect(sentence).not.toBe("");
  expect(housingNarrative).not.toContain(sentence);
  expect(idvaNarrative.length).toBeGreaterThan(housingNarrative.length);

  await idva.getByRole("link", { name: "Sharing record" }).click();
  await a11y(idva);
  const summary = idva.getByRole("list").filter({ hasText: "Northshire Homes saw" });
  await expect(summary).toContainText("Northshire Homes saw the basic case details");
  await expect(idva.getByRole("cell", { name: /Northshire Homes/ })).toBeVisible();
  await expect(idva.getByRole("cell", { name: /Northshire Domestic Abuse Service/ }).first()).toBeVisible();
  await housing.close();
  await idva.close();
});

test("agency representatives cannot edit, review tags or read the sharing record", async ({ page, a11y }) => {
  await signIn(page, "housing@northshire.example");
  await page.goto(`/cases?q=${encodeURIComponent(MARKER_CASE.record.victim.name)}`);
  await page.getByRole("link", { name: /NS-/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Sharing record" })).toHaveCount(0);
  const base = page.url();
  for (const sub of ["edit", "narrative", "sharing-record"]) {
    const res = await page.goto(`${base}/${sub}`);
    expect(res?.status()).toBe(403);
  }
  await a11y();
});

test("the IDVA changes victim details, reviews narrative tags, and removes a suggestion only with a reason", async ({ page, a11y }) => {
  await signIn(page, "idva@northshire.example");
  await page.goto("/cases?q=Ionela");
  await page.getByRole("link", { name: /NS-2026-/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();
  await page.getByRole("link", { name: "Change case details" }).click();
  await a11y();
  await expect(page.getByText("Do not ask about or check anyone's immigration status only to fill this in")).toBeVisible();
  await page.getByLabel("Day").fill("31");
  await page.getByLabel("Month").fill("2");
  await page.getByRole("button", { name: "Save victim details" }).click();
  await expect(page.getByRole("link", { name: "Date of birth must be a real date, like 27 3 1990" })).toBeVisible();
  await a11y();
  await page.getByLabel("Day").fill("2");
  await page.getByLabel("Month").fill("6");
  await page.getByLabel(/^Phone/).fill("07700 900555");
  await page.getByRole("button", { name: "Save victim details" }).click();
  await expect(page).toHaveURL(`${caseUrl}?saved=victim`);
  await expect(page.getByText("07700 900555")).toBeVisible();

  await page.goto(`${caseUrl}/narrative`);
  await a11y();
  const suggested = page.getByRole("button", { name: /Remove immigration tag/ }).first();
  await expect(suggested).toBeVisible();
  await suggested.click();
  await expect(errorSummary(page)).toContainText("Give a reason of at least 10 characters");
  await page.getByRole("textbox", { name: /Why remove the immigration tag/ }).first().fill("Test reason: already disclosed by the victim herself.");
  await page.getByRole("button", { name: /Remove immigration tag/ }).first().click();
  await expect(page.getByText("The tag has been removed and your reason recorded.")).toBeVisible();
  await expect(page.getByText(/immigration tag removed by Jo Whitfield/)).toBeVisible();
  await a11y();
});

test("an admin imports a referrals file as a job with a progress page, and a bad file is refused with the path of each problem", async ({ page, a11y }, testInfo) => {
  // Two imports, each starting a worker thread, on a shared machine.
  test.setTimeout(180_000);
  await signIn(page, "admin@northshire.example");
  await page.goto("/admin/import");
  await a11y();
  // Not a referrals file at all: refused at once, on the form.
  await page.getByLabel("Referrals file (JSON)").setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ format: "csv" })) });
  await page.getByRole("button", { name: "Import referrals" }).click();
  await expect(errorSummary(page)).toContainText("Nothing was imported");
  await expect(page.getByRole("cell", { name: "$.format" })).toBeVisible();
  // A referrals file with a wrong referral: checked on the worker, refused on the job's page.
  await page.getByLabel("Referrals file (JSON)").setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "marac-desk.referrals", version: 1, referrals: [{ victim: { name: "" } }] })),
  });
  await page.getByRole("button", { name: "Import referrals" }).click();
  await expect(page).toHaveURL(/\/admin\/import\/[0-9a-f-]{36}$/);
  await expect(errorSummary(page)).toContainText("Nothing was imported", { timeout: 60_000 });
  await expect(page.getByRole("cell", { name: "$.referrals[0].victim.name" })).toBeVisible();
  await a11y();

  await page.goto("/admin/import");
  await page.getByLabel("Referrals file (JSON)").setInputFiles("docs/examples/referrals.json");
  await page.getByRole("button", { name: "Import referrals" }).click();
  await expect(page).toHaveURL(/\/admin\/import\/[0-9a-f-]{36}$/);
  // The progress screen shows while the worker starts and checks the file (it may already be done).
  if (await page.getByRole("progressbar").isVisible()) {
    await a11y();
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: testInfo.outputPath(`import-progress-${width}.png`), fullPage: true });
    }
  }
  await expect(page.getByText("Imported 3 referrals.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("listitem").filter({ hasText: /^NS-\d{4}-\d{4}$/ })).toHaveCount(3);
  await a11y();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`import-result-${width}.png`), fullPage: true });
  }
});
