import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Finds Chromium for Playwright: CHROMIUM_PATH, else /usr/bin/chromium; as root on Debian it
 * installs the distribution's package. It never downloads a browser build.
 */
export function ensureChromium(): string {
  const wanted = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(wanted)) return wanted;
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH is set to ${wanted}, but there is no file there.`);
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get") && existsSync("/etc/debian_version")) {
    console.log("Chromium is missing: installing Debian's chromium package (apt-get install -y chromium)…");
    for (const args of [["update", "-qq"], ["install", "-y", "-qq", "chromium"]]) {
      const res = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
      if (res.status !== 0) fail(`apt-get ${args.join(" ")} failed.`);
    }
    if (existsSync(wanted)) return wanted;
  }
  return fail("Chromium is needed for the end-to-end tests. Install it (Debian: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium binary.");
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
