import { expect, signIn, signOut, test } from "./fixtures";

test("the coordinator reads the quarterly return, its chart's table view and downloads it in three formats", async ({ page, a11y }) => {
  await signIn(page, "coordinator@northshire.example");
  await page.getByRole("navigation", { name: "Main" }).getByText("More").click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: "SafeLives quarterly data return" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Cases discussed, including repeats" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Victims who are LGBT+" })).toBeVisible();
  await expect(page.getByText("40 a year")).toBeVisible();
  await page.getByText("Show the figures as a table").first().click();
  await a11y();
  const query = new URL(page.url()).search || "?year=2026&quarter=1";
  const csv = await page.request.get(`/reports/return.csv${query}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Cases discussed, including repeats");
  const xlsx = await page.request.get(`/reports/return.xlsx${query}`);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  const pdf = await page.request.get(`/reports/return.pdf${query}`);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("dashboards have table views; an agency sees only its own referral figures", async ({ page, a11y }) => {
  test.slow(); // dashboards over the whole demo area, for two people: 19 s of the default 30 in a full run
  await signIn(page, "chair@northshire.example");
  await page.goto("/reports/dashboards");
  await expect(page.getByRole("img", { name: /Referrals per month by referring agency/ })).toBeVisible();
  for (const summary of await page.getByText("Show the figures as a table").all()) await summary.click();
  await expect(page.getByRole("table", { name: /Overdue actions at the end of each month/ })).toBeVisible();
  await a11y();

  await page.goto("/retention");
  await expect(page.getByRole("heading", { name: "Retention", level: 1 })).toBeVisible();
  await a11y();
  await signOut(page);

  await signIn(page, "housing@northshire.example");
  await expect(page.getByRole("link", { name: "Reports" })).toHaveCount(0);
  await page.getByRole("link", { name: "Referral figures" }).first().click();
  await expect(page.getByRole("heading", { name: "Your agency's referral figures" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Days from referral/ })).toHaveCount(0);
  await a11y();
  expect((await page.request.get("/reports/return.csv?year=2026&quarter=1")).status()).toBe(403);
  expect((await page.request.get("/retention")).status()).toBe(403);
});
