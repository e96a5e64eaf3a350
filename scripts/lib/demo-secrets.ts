import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * For the demo only: when a secret is not set, generate a random one once, keep it in its own
 * folder (git-ignored, readable only by this user) and reuse it, so sessions and encrypted data
 * survive restarts. Production sets both itself, and the app refuses to start with a missing or
 * weak one.
 *
 * The folder is `secrets/` (or DEMO_SECRETS_DIR), never inside `data/`: the database and its
 * backups (`data/backups/`) hold the ciphertext, so a copy of `data/` must not carry DATA_KEY
 * with it. ensureDemoSecrets refuses a secrets folder that overlaps the database's or the
 * backups' folder.
 */
export const DEFAULT_SECRETS_DIR = "secrets";
export const DEFAULT_BACKUP_DIR = "data/backups";
/** Where demo secrets were kept before they moved out of data/; moved on the next start. */
const LEGACY_DIR = "data";

export function secretsDir(): string {
  return process.env.DEMO_SECRETS_DIR ?? DEFAULT_SECRETS_DIR;
}

/** Whether `child` is `parent` or inside it. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Whether either folder holds the other, so a copy of one would carry the other. */
export function overlaps(a: string, b: string): boolean {
  return isInside(a, b) || isInside(b, a);
}

function ensureDemoSecret(name: "AUTH_SECRET" | "DATA_KEY", fileName: string, generate: () => string, dir: string, legacyDir: string): void {
  if (process.env[name]) return;
  const file = join(dir, fileName);
  const legacy = join(legacyDir, fileName);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file) && existsSync(legacy)) {
    // An older demo kept it beside the database: move it, or the encrypted data could not be read.
    renameSync(legacy, file);
    console.log(`Moved the demo ${name} from ${legacy} to ${file}, away from the database and its backups.`);
  } else if (!existsSync(file)) {
    writeFileSync(file, generate(), { mode: 0o600 });
    console.log(`Generated a random ${name} for the demo and kept it in ${file}. Set ${name} yourself in production.`);
  } else {
    console.log(`Using the demo ${name} kept in ${file}. Set ${name} yourself in production.`);
  }
  chmodSync(file, 0o600);
  process.env[name] = readFileSync(file, "utf8").trim();
}

export function ensureDemoSecrets(opts: { dir?: string; databaseDir?: string; backupDir?: string; legacyDir?: string } = {}): void {
  if (process.env.AUTH_SECRET && process.env.DATA_KEY) return;
  const dir = opts.dir ?? secretsDir();
  const databaseDir = opts.databaseDir ?? dirname(process.env.DATABASE_URL ?? "data/marac.db");
  const backupDir = opts.backupDir ?? DEFAULT_BACKUP_DIR;
  for (const [what, other] of [["database", databaseDir], ["backups", backupDir]] as const) {
    if (overlaps(dir, other)) {
      throw new Error(`The demo secrets folder ${dir} overlaps the ${what} folder ${other}. Keep keys apart from the database and its backups: set DEMO_SECRETS_DIR to another folder.`);
    }
  }
  const legacyDir = opts.legacyDir ?? LEGACY_DIR;
  ensureDemoSecret("AUTH_SECRET", "auth-secret", () => randomBytes(48).toString("base64url"), dir, legacyDir);
  // Losing this key loses the encrypted case data: keep a copy of it, but never with the backups.
  ensureDemoSecret("DATA_KEY", "data-key", () => randomBytes(32).toString("base64"), dir, legacyDir);
}
