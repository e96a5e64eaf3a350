import { totpCodeAt, totpStep } from "../server/auth/totp";
import { expect, signIn, signOut, test } from "./fixtures";

const EMAIL = "e2e.twofactor@northshire.example";

test("a user sets up an authenticator, signs in with a code, then with a recovery code, and sees their sessions", async ({ page, a11y }) => {
  test.slow(); // three sign-ins and several axe scans: 25 s of the default 30 in a full run
  await signIn(page, EMAIL);
  await page.goto("/account/two-factor");
  await a11y();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
  await a11y();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  const enrolStep = totpStep(new Date());
  await page.getByLabel("Code from your authenticator app").fill(totpCodeAt(secret, enrolStep));
  await page.getByRole("button", { name: "Confirm and get recovery codes" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await a11y();
  const recoveryCode = (await codes.first().textContent()) ?? "";
  await page.getByRole("link", { name: /continue/ }).click();
  await signOut(page);

  // Password, then the code: the step after the one used to set up (each code works once).
  await signIn(page, EMAIL);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await a11y();
  await page.getByLabel("Code from your authenticator app").fill("000000" === totpCodeAt(secret, enrolStep + 1) ? "111111" : "000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("not right");
  await page.getByLabel("Code from your authenticator app").fill(totpCodeAt(secret, enrolStep + 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await signOut(page);

  // A recovery code instead of the app.
  await signIn(page, EMAIL);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await page.getByLabel("Code from your authenticator app").fill(recoveryCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  await page.goto("/account/sessions");
  await expect(page.getByTestId("session-row").filter({ hasText: "(this session)" })).toHaveCount(1);
  await a11y();
});
