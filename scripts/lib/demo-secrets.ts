import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * For the demo only: when AUTH_SECRET is not set, generate a random one once, keep it in
 * data/ (git-ignored, readable only by this user) and reuse it, so sessions survive restarts.
 * Production sets AUTH_SECRET itself, and the app refuses to start with a missing or weak one.
 */
export function ensureDemoAuthSecret(dataDir = "data"): void {
  if (process.env.AUTH_SECRET) return;
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
    console.log(`Generated a random AUTH_SECRET for the demo and kept it in ${file}. Set AUTH_SECRET yourself in production.`);
  } else {
    console.log(`Using the demo AUTH_SECRET kept in ${file}. Set AUTH_SECRET yourself in production.`);
  }
  chmodSync(file, 0o600);
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
