import { BASE_URL, expect, PASSWORD, test } from "./fixtures";

test("HSTS is sent in production only over HTTPS (here: behind a TLS-terminating proxy)", async ({ request }) => {
  const plain = await request.get("/sign-in");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const viaTls = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(viaTls.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("an oversized form post or tRPC call is refused before it is read", async ({ request }) => {
  const big = "x".repeat(2 * 1024 * 1024);
  const form = await request.post("/sign-in", { data: big, headers: { "content-type": "text/plain" } });
  expect(form.status()).toBe(413);
  const trpc = await request.post("/api/trpc/referrals.save", { data: big, headers: { "content-type": "application/json" } });
  expect(trpc.status()).toBe(413);
});

test("sign-in never sends the user to another site", async ({ page }) => {
  await page.goto(`/sign-in?next=${encodeURIComponent("https://evil.example/phish")}`);
  await expect(page.locator('input[name="next"]')).toHaveValue("/");
  await page.goto(`/sign-in?next=${encodeURIComponent("/cases")}`);
  await expect(page.locator('input[name="next"]')).toHaveValue("/cases");
  // Even when the hidden field is changed in the browser.
  await page.goto("/sign-in");
  await page.locator('input[name="next"]').evaluate((el: HTMLInputElement) => (el.value = "https://evil.example/phish"));
  await page.getByLabel("Email address").fill("housing@northshire.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  expect(new URL(page.url()).origin).toBe(new URL(BASE_URL).origin);
});
