import { expect, signIn, test } from "./fixtures";

const ADMIN_LINKS = ["Agencies", "Users", "MARAC settings", "Audit log"];

test("the admin's navigation shows the admin pages", async ({ page, a11y }) => {
  await signIn(page, "admin@northshire.example");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Home", ...ADMIN_LINKS, "Your account"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await a11y();
});

for (const email of ["chair@northshire.example", "idva@northshire.example", "housing@northshire.example"]) {
  test(`${email} sees no admin links, and the server refuses the admin pages and API`, async ({ page, a11y }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Home" })).toBeVisible();
    for (const name of ADMIN_LINKS) await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
    await a11y();

    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have permission to see this page" })).toBeVisible();
    await a11y();

    const api = await page.request.get("/api/trpc/admin.users.list");
    expect(api.status()).toBe(403);
    expect(await api.text()).not.toContain("@northshire.example");
  });
}

test("every signed-in user can see their account page", async ({ page, a11y }) => {
  await signIn(page, "health@northshire.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Northshire NHS Foundation Trust" })).toBeVisible();
  await a11y();
});

test("Immigration Enforcement is offered only referring and its referrals; the server refuses meetings and actions", async ({ page, a11y }) => {
  await signIn(page, "ie@northshire.example");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Home", "Cases", "Refer a case", "Your account"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  for (const name of ["Meetings", "Actions", "Triage"]) await expect(nav.getByRole("link", { name, exact: true })).toHaveCount(0);
  const main = page.getByRole("main");
  await expect(main).toContainText("Your agency does not attend MARAC, so it receives no MARAC information");
  await expect(main).not.toContainText("carry out your agency's actions");
  await a11y();
  for (const path of ["/meetings", "/actions"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
  expect((await page.request.get("/api/trpc/meetings.list")).status()).toBe(403);
  expect((await page.request.get("/api/trpc/actions.mine")).status()).toBe(403);
});
