import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "~/env";
import { SESSION_COOKIE, sessionIdFromCookies } from "~/server/auth/session-cookie";

/** A request's cookies, as Next hands them to the proxy and to pages. */
function jar(cookies: Record<string, string>) {
  const all = Object.entries(cookies).map(([name, value]) => ({ name, value }));
  return { get: (name: string) => all.find((c) => c.name === name), getAll: () => all };
}

const token = (claims: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: options.secret ?? env.AUTH_SECRET, salt: SESSION_COOKIE, maxAge: options.maxAge });

describe("reading the session id from the cookie (without Auth.js re-issuing it)", () => {
  afterEach(() => vi.useRealTimers());

  it("opens the token Auth.js wrote at sign-in", async () => {
    expect(await sessionIdFromCookies(jar({ [SESSION_COOKIE]: await token({ sub: "u1", sid: "s1" }) }))).toBe("s1");
  });

  it("joins a token Auth.js wrote in numbered chunks, in order", async () => {
    const whole = await token({ sub: "u1", sid: "s2" });
    const cut = Math.floor(whole.length / 2);
    expect(await sessionIdFromCookies(jar({ [`${SESSION_COOKIE}.1`]: whole.slice(cut), [`${SESSION_COOKIE}.0`]: whole.slice(0, cut) }))).toBe("s2");
  });

  it("finds no session without the cookie, or in a token without a session id", async () => {
    expect(await sessionIdFromCookies(jar({}))).toBeNull();
    expect(await sessionIdFromCookies(jar({ other: "x" }))).toBeNull();
    expect(await sessionIdFromCookies(jar({ [SESSION_COOKIE]: await token({ sub: "u1" }) }))).toBeNull();
  });

  it("refuses a token that is altered, expired, or made with another secret or for another cookie", async () => {
    const good = await token({ sub: "u1", sid: "s3" });
    const altered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionIdFromCookies(jar({ [SESSION_COOKIE]: altered }))).toBeNull();
    expect(await sessionIdFromCookies(jar({ [SESSION_COOKIE]: await token({ sub: "u1", sid: "s3" }, { maxAge: -60 }) }))).toBeNull();
    expect(await sessionIdFromCookies(jar({ [SESSION_COOKIE]: await token({ sub: "u1", sid: "s3" }, { secret: "another-secret-of-enough-length-0123456789" }) }))).toBeNull();
    const otherSalt = await encode({ token: { sub: "u1", sid: "s3" }, secret: env.AUTH_SECRET, salt: "authjs.csrf-token" });
    expect(await sessionIdFromCookies(jar({ [SESSION_COOKIE]: otherSalt }))).toBeNull();
  });

  it("opens a token once, and refuses it from then on once it has expired (Auth.js allows 15 s of clock skew)", async () => {
    const cookie = jar({ [SESSION_COOKIE]: await token({ sub: "u1", sid: "s4" }, { maxAge: 60 }) });
    expect(await sessionIdFromCookies(cookie)).toBe("s4");
    expect(await sessionIdFromCookies(cookie)).toBe("s4");
    vi.useFakeTimers({ now: Date.now() + 76_000, toFake: ["Date"] });
    expect(await sessionIdFromCookies(cookie)).toBeNull();
    expect(await sessionIdFromCookies(cookie)).toBeNull();
  });
});
