import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstLoadFiles, readBudget, routeWeight } from "./js-budget";

/** A production build's manifests and chunks, in the shape Next writes them, for one page. */
function fakeBuild(dir: string) {
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write("build-manifest.json", JSON.stringify({ rootMainFiles: ["static/chunks/main.js"], polyfillFiles: ["static/chunks/polyfill.js"] }));
  write("app-path-routes-manifest.json", JSON.stringify({ "/(auth)/sign-in/page": "/sign-in", "/api/auth/[...nextauth]/route": "/api/auth/[...nextauth]" }));
  const entry = "/(auth)/sign-in/page";
  const manifest = { entryJSFiles: { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/(auth)/sign-in/page": ["static/chunks/layout.js", "static/chunks/page.js"] } };
  write(`server/app${entry}_client-reference-manifest.js`, `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify(manifest)};\n`);
  write("static/chunks/main.js", "console.log('main');".repeat(200));
  write("static/chunks/layout.js", "console.log('layout');");
  write("static/chunks/page.js", "console.log('page');");
  write("static/chunks/polyfill.js", "x".repeat(100000));
}

describe("first-load JavaScript of a route (scripts/js-budget.ts)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "marac-js-budget-"));
    fakeBuild(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("counts the root files and every entry's chunks once, and not the polyfills old browsers alone load", () => {
    expect(firstLoadFiles(dir, "/sign-in").sort()).toEqual(["static/chunks/layout.js", "static/chunks/main.js", "static/chunks/page.js"]);
    const gz = (text: string) => gzipSync(Buffer.from(text)).length;
    expect(routeWeight(dir, "/sign-in").gzipBytes).toBe(gz("console.log('main');".repeat(200)) + gz("console.log('layout');") + gz("console.log('page');"));
  });

  it("refuses a route the build has no page for", () => {
    expect(() => firstLoadFiles(dir, "/no-such-page")).toThrow(/no page for \/no-such-page/);
  });

  it("reads the budget from package.json and refuses a missing or nonsensical one", () => {
    const pkg = join(dir, "package.json");
    writeFileSync(pkg, JSON.stringify({ jsBudget: { "/sign-in": 150 } }));
    expect(readBudget(pkg)).toEqual({ "/sign-in": 150 });
    writeFileSync(pkg, JSON.stringify({}));
    expect(() => readBudget(pkg)).toThrow(/no "jsBudget"/);
    writeFileSync(pkg, JSON.stringify({ jsBudget: { "/sign-in": "150" } }));
    expect(() => readBudget(pkg)).toThrow(/positive number/);
  });
});
