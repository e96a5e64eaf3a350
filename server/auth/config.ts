import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { z } from "zod";
import { env } from "~/env";
import { getDb } from "~/server/db";
import { clientAddress } from "~/server/auth/client-address";
import { ABSOLUTE_TIMEOUT_MS } from "~/server/auth/rules";
import { SECURE_SESSION_COOKIES } from "~/server/auth/session-cookie";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { sameOriginRedirect } from "~/server/http/safe-path";
import { activeIdentityProviders, agencyIdFromProviderId, providerIdFor, type AgencyProvider } from "~/server/services/identity-providers";
import { endSession, startSession } from "~/server/services/sessions";
import { authenticate } from "~/server/services/sign-in";
import { signInWithIdentityProvider, type SsoClaims } from "~/server/services/sso-sign-in";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** One message for an unknown email, a wrong password and an inactive account. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}
export class AccountLocked extends CredentialsSignin {
  override code = "locked";
}
export class AddressThrottled extends CredentialsSignin {
  override code = "throttled";
}

const ZCredentials = z.object({ email: z.string().max(320), password: z.string().max(1000) });

/**
 * An agency's identity provider as an Auth.js OIDC provider (decision 063): discovery from its
 * issuer (which must name itself the same), PKCE, state and nonce all checked, and only the ID
 * token's claims read. Its callback is /api/auth/callback/agency-<agency id>.
 */
function agencyProvider(p: AgencyProvider): OIDCConfig<SsoClaims> {
  return {
    id: providerIdFor(p.agencyId),
    name: p.agencyName,
    type: "oidc",
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: p.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email" } },
  };
}

/**
 * Built per request: the agencies' identity providers are data an admin changes with a chair's
 * approval, so they are read from the database (a small table) rather than fixed at start.
 */
const buildConfig = (): NextAuthConfig => ({
  secret: env.AUTH_SECRET,
  // Behind `next start` the host header is the app's own; Auth.js refuses it otherwise.
  trustHost: true,
  useSecureCookies: SECURE_SESSION_COOKIES,
  // The cookie lives at most 12 hours, the absolute limit, and is not renewed on each request
  // (server/auth/session-cookie.ts only reads it); idle time, sign-out and deactivation are checked
  // in the sessions table on every request (server/services/sessions.ts).
  session: { strategy: "jwt", maxAge: ABSOLUTE_TIMEOUT_MS / 1000 },
  // Errors reach the error page only from the identity providers' redirects (credentials errors
  // return to the sign-in form): the SSO page explains them.
  pages: { signIn: "/sign-in", error: "/sign-in/sso" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const db = getDb();
        const now = new Date();
        const result = await authenticate(db, parsed.data.email, parsed.data.password, now, clientAddress(request.headers));
        if (!result.ok) {
          throw result.reason === "locked" ? new AccountLocked() : result.reason === "throttled" ? new AddressThrottled() : new InvalidCredentials();
        }
        return { id: result.userId, sid: startSession(db, result.userId, now, request.headers.get("user-agent")) };
      },
    }),
    ...activeIdentityProviders(getDb(), getAppCipher()).map(agencyProvider),
  ],
  callbacks: {
    /**
     * After the identity provider's callback passed Auth.js's checks (issuer, state, PKCE, nonce,
     * signature): our own rules, and a server-side session. A refusal goes back to the SSO page.
     */
    async signIn({ user, account, profile }) {
      if (account?.type !== "oidc") return true;
      const agencyId = agencyIdFromProviderId(account.provider);
      if (!agencyId || !profile) return "/sign-in/sso?error=not_configured";
      const result = signInWithIdentityProvider(getDb(), agencyId, profile, new Date(), (await headers()).get("user-agent"));
      if (!result.ok) return `/sign-in/sso?error=${result.reason}`;
      // The jwt callback below reads these from the same user object.
      user.id = result.userId;
      user.sid = result.sessionId;
      return true;
    },
    // Auth.js's own callbackUrl (query, form field or cookie) is held to this site's paths too.
    redirect: sameOriginRedirect,
    jwt({ token, user }) {
      // Only the user id and the server-side session id travel in the cookie: no name, role or agency.
      if (user?.sid) return { sub: user.id, sid: user.sid };
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, sid: token.sid, user: { id: token.sub ?? "" } };
    },
  },
  events: {
    signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) endSession(getDb(), sid, new Date(), "signed_out");
    },
  },
  logger: {
    // A wrong password is an expected event, already in the audit log; keep it out of the server log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});

// Reading the session on each request does not go through Auth.js (server/auth/session-cookie.ts).
export const { handlers, signIn, signOut } = NextAuth(buildConfig);
