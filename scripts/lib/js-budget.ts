import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/** A route's first-load JavaScript: the files a browser fetches to show it, and their gzipped size. */
export interface RouteWeight {
  readonly route: string;
  readonly files: readonly string[];
  readonly gzipBytes: number;
}

type RscManifest = { entryJSFiles?: Record<string, readonly string[]> };

/** The app directory entry ("/(auth)/sign-in/page") behind a URL route ("/sign-in"). */
function entryOf(distDir: string, route: string): string {
  const routes = JSON.parse(readFileSync(join(distDir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const entry = Object.keys(routes).find((k) => routes[k] === route && k.endsWith("/page"));
  if (!entry) throw new Error(`The build has no page for ${route}: fix the route in package.json's "jsBudget".`);
  return entry;
}

/**
 * Every script the route's first load can fetch: the framework's root files, and the client chunks
 * of its layouts, boundaries (error, not found, forbidden) and page, from the build's client
 * reference manifest. Counting the boundaries too errs on the heavy side, as a budget should.
 */
export function firstLoadFiles(distDir: string, route: string): string[] {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const entry = entryOf(distDir, route);
  const file = join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
  if (!existsSync(file)) throw new Error(`No client reference manifest for ${route} at ${file}: is this a production build?`);
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it on its own.
  const sandbox: { __RSC_MANIFEST?: Record<string, RscManifest> } = {};
  runInNewContext(readFileSync(file, "utf8"), sandbox, { timeout: 1000 });
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest?.entryJSFiles) throw new Error(`The client reference manifest for ${route} lists no entry scripts.`);
  const files = new Set(build.rootMainFiles);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const chunk of chunks) files.add(chunk);
  return [...files];
}

export function routeWeight(distDir: string, route: string): RouteWeight {
  const files = firstLoadFiles(distDir, route);
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0);
  return { route, files, gzipBytes };
}

/** package.json's "jsBudget": kB (1,024 bytes) of gzipped first-load JavaScript per route. */
export function readBudget(packageJson: string): Record<string, number> {
  const budget = (JSON.parse(readFileSync(packageJson, "utf8")) as { jsBudget?: unknown }).jsBudget;
  if (typeof budget !== "object" || budget === null || Object.keys(budget).length === 0) throw new Error('package.json has no "jsBudget" ({ "/route": kB gzipped }).');
  for (const [route, kb] of Object.entries(budget)) {
    if (!route.startsWith("/") || typeof kb !== "number" || !(kb > 0)) throw new Error(`package.json's "jsBudget" for ${route} must be a positive number of kB.`);
  }
  return budget as Record<string, number>;
}
