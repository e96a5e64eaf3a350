import { describe, expect, it } from "vitest";
import { safeLocalPath, sameOriginRedirect } from "~/server/http/safe-path";

/** Open redirects (issue 8): the `back` field, sign-in's `next` and Auth.js's callbackUrl. */
describe("redirect targets from a request", () => {
  it.each(["/actions", "/cases/1f0c?saved=1#flags", "/meetings/abc/pack", "/", "/referrals?q=a%2F%2Fb"])("keeps the same-site path %s", (path) => {
    expect(safeLocalPath(path, "/fallback")).toBe(path);
  });

  it.each([
    "https://evil.example/phish",
    "http://evil.example",
    "//evil.example/x",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    " /actions",
    "\\\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/".padEnd(3000, "a"),
  ])("refuses %j", (target) => {
    expect(safeLocalPath(target, "/actions")).toBe("/actions");
  });

  it("refuses anything that is not text", () => {
    expect(safeLocalPath(undefined)).toBe("/");
    expect(safeLocalPath(null)).toBe("/");
    expect(safeLocalPath(["/x"])).toBe("/");
  });

  it("holds Auth.js's callbackUrl to this site", () => {
    const baseUrl = "https://marac.example";
    expect(sameOriginRedirect({ url: "/cases", baseUrl })).toBe("https://marac.example/cases");
    expect(sameOriginRedirect({ url: "https://marac.example/cases?x=1", baseUrl })).toBe("https://marac.example/cases?x=1");
    expect(sameOriginRedirect({ url: "https://evil.example/cases", baseUrl })).toBe(baseUrl);
    expect(sameOriginRedirect({ url: "https://marac.example.evil.example/", baseUrl })).toBe(baseUrl);
    expect(sameOriginRedirect({ url: "/\t/evil.example", baseUrl })).toBe("https://marac.example/");
    expect(sameOriginRedirect({ url: "not a url", baseUrl })).toBe(baseUrl);
  });
});
