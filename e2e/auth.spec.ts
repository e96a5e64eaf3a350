import { errorSummary, expect, PASSWORD, signIn, signOut, test } from "./fixtures";

test("an anonymous visitor to any page is sent to sign-in", async ({ page, a11y }) => {
  for (const path of ["/", "/admin/users", "/account", "/no-such-page"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await expect(page.getByRole("heading", { name: "Sign in to MARAC Desk" })).toBeVisible();
  await expect(page.getByText("OFFICIAL-SENSITIVE").first()).toBeVisible();
  await a11y();
});

test("an API call without a session is refused", async ({ request }) => {
  const res = await request.get("/api/trpc/admin.users.list");
  expect(res.status()).toBe(401);
});

test("signs in, keeps a safe session cookie, and signs out for good", async ({ page, context, a11y }) => {
  await signIn(page, "coordinator@northshire.example");
  await expect(page.getByRole("heading", { name: "Welcome, Priya Nair" })).toBeVisible();
  await a11y();
  const cookie = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
  await signOut(page);
  // The old cookie, replayed, no longer opens anything: the server-side session has ended.
  if (!cookie) throw new Error("no session cookie");
  await context.addCookies([cookie]);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password and an unknown email get the same message, with the email kept", async ({ page, a11y }) => {
  await signIn(page, "chair@northshire.example", "not the right password");
  const summary = errorSummary(page);
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("The email address or password is not correct.");
  await expect(page.getByLabel("Email address")).toHaveValue("chair@northshire.example");
  await a11y();
  await signIn(page, "nobody@northshire.example", "not the right password");
  await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
});

test("an empty form links each error to its field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Enter your email address" })).toHaveAttribute("href", "#email");
  await expect(page.getByRole("link", { name: "Enter your password" })).toHaveAttribute("href", "#password");
});

test("five wrong passwords lock the account for 15 minutes, even against the right one", async ({ page, a11y }) => {
  for (let i = 0; i < 5; i++) await signIn(page, "e2e.lockout@northshire.example", `wrong password ${i}`);
  await expect(errorSummary(page)).toContainText("This account is locked for 15 minutes after 5 failed sign-in attempts");
  await signIn(page, "e2e.lockout@northshire.example", PASSWORD);
  await expect(errorSummary(page)).toContainText("locked for 15 minutes");
  await a11y();
});

test("a deactivated demo user cannot sign in", async ({ page }) => {
  await signIn(page, "former@northshire.example");
  await expect(errorSummary(page)).toContainText("The email address or password is not correct.");
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/sign-in", "/", "/api/trpc/health.ping"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(h["referrer-policy"], path).toBe("no-referrer");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["permissions-policy"], path).toContain("camera=()");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
});
