import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * For the demo only: when a secret is not set, generate a random one once, keep it in data/
 * (git-ignored, readable only by this user) and reuse it, so sessions and encrypted data survive
 * restarts. Production sets both itself, and the app refuses to start with a missing or weak one.
 */
function ensureDemoSecret(name: "AUTH_SECRET" | "DATA_KEY", fileName: string, generate: () => string, dataDir: string): void {
  if (process.env[name]) return;
  const file = join(dataDir, fileName);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, generate(), { mode: 0o600 });
    console.log(`Generated a random ${name} for the demo and kept it in ${file}. Set ${name} yourself in production.`);
  } else {
    console.log(`Using the demo ${name} kept in ${file}. Set ${name} yourself in production.`);
  }
  chmodSync(file, 0o600);
  process.env[name] = readFileSync(file, "utf8").trim();
}

export function ensureDemoSecrets(dataDir = "data"): void {
  ensureDemoSecret("AUTH_SECRET", "auth-secret", () => randomBytes(48).toString("base64url"), dataDir);
  // Losing this key loses the encrypted case data: back up data/data-key with the database.
  ensureDemoSecret("DATA_KEY", "data-key", () => randomBytes(32).toString("base64"), dataDir);
}
