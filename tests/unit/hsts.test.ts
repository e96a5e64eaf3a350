import { describe, expect, it } from "vitest";
import { HSTS_VALUE, hstsHeader } from "~/server/http/hsts";

describe("Strict-Transport-Security", () => {
  const https = new URL("https://marac.example/cases");
  const http = new URL("http://localhost:3000/cases");

  it("is sent in production over HTTPS, directly or behind a TLS-terminating proxy", () => {
    expect(hstsHeader("production", https, null)).toBe(HSTS_VALUE);
    expect(hstsHeader("production", http, "https")).toBe(HSTS_VALUE);
    expect(hstsHeader("production", http, "HTTPS, http")).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toMatch(/max-age=\d{8,}/);
  });

  it("is not sent over plain HTTP or outside production", () => {
    expect(hstsHeader("production", http, null)).toBeNull();
    expect(hstsHeader("production", http, "http")).toBeNull();
    expect(hstsHeader("development", https, "https")).toBeNull();
    expect(hstsHeader("test", https, null)).toBeNull();
  });
});
