import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_BACKUP_DIR, DEFAULT_SECRETS_DIR, ensureDemoSecrets, overlaps } from "./demo-secrets";

/** Demo keys are kept apart from the database and its backups (issue 8). */
describe("demo secrets", () => {
  const saved = { AUTH_SECRET: process.env.AUTH_SECRET, DATA_KEY: process.env.DATA_KEY };
  let root = "";
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "marac-secrets-"));
    delete process.env.AUTH_SECRET;
    delete process.env.DATA_KEY;
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  });
  const dirs = () => ({ dir: join(root, "secrets"), databaseDir: join(root, "data"), backupDir: join(root, "data/backups"), legacyDir: join(root, "data") });

  it("keeps the default key folder outside the database's and the backups' folders", () => {
    expect(overlaps(DEFAULT_SECRETS_DIR, "data")).toBe(false);
    expect(overlaps(DEFAULT_SECRETS_DIR, DEFAULT_BACKUP_DIR)).toBe(false);
    expect(overlaps("data/keys", DEFAULT_BACKUP_DIR)).toBe(false);
    expect(overlaps("data/keys", "data")).toBe(true);
  });

  it("generates the demo keys into the secrets folder, readable only by this user, and nothing into data/", () => {
    ensureDemoSecrets(dirs());
    const key = join(root, "secrets/data-key");
    expect(readFileSync(key, "utf8").trim()).toBe(process.env.DATA_KEY);
    expect(statSync(key).mode & 0o077).toBe(0);
    expect(existsSync(join(root, "data"))).toBe(false);
  });

  it("moves a key an older demo kept in data/, so the encrypted data stays readable", () => {
    mkdirSync(join(root, "data"));
    writeFileSync(join(root, "data/data-key"), "b2xkLWRlbW8ta2V5LTMyLWJ5dGVzLWxvbmctLS0tLS0=");
    ensureDemoSecrets(dirs());
    expect(process.env.DATA_KEY).toBe("b2xkLWRlbW8ta2V5LTMyLWJ5dGVzLWxvbmctLS0tLS0=");
    expect(existsSync(join(root, "data/data-key"))).toBe(false);
    expect(existsSync(join(root, "secrets/data-key"))).toBe(true);
  });

  it("refuses a secrets folder inside the database's or the backups' folder", () => {
    expect(() => ensureDemoSecrets({ ...dirs(), dir: join(root, "data/keys") })).toThrow(/apart from the database and its backups/);
    expect(() => ensureDemoSecrets({ ...dirs(), dir: join(root, "elsewhere"), backupDir: join(root, "elsewhere/backups") })).toThrow(/backups folder/);
    expect(process.env.DATA_KEY).toBeUndefined();
  });
});
