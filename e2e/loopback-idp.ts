import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A client of the test identity provider: one per agency, as an agency's IT service would register. */
export type IdpClient = { client_id: string; client_secret: string; redirect_uris: string[] };

/**
 * A real OpenID Connect provider (the oidc-provider package) on this machine's loopback, for the
 * single sign-on spec. Its own development login page accepts any login name as the account,
 * whose email is that name (verified). The port is known first; the clients come when the agencies
 * they belong to exist.
 */
export async function startLoopbackIdp(): Promise<{ issuer: string; port: number; register(clients: IdpClient[]): void; close(): Promise<void> }> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handler) handler(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    port,
    register(clients) {
      const provider = new Provider(issuer, {
        clients,
        findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: sub, email_verified: true }) }),
        claims: { openid: ["sub"], email: ["email", "email_verified"] },
        // The ID token carries the email (Auth.js reads the ID token's claims).
        conformIdTokenClaims: false,
        cookies: { keys: ["e2e-loopback-idp-cookie-key"] },
        features: { devInteractions: { enabled: true } },
      });
      const callback = provider.callback();
      handler = (req, res) => void callback(req, res);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
