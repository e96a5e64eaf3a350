import { z } from "zod";

/** An issuer is https, except on this machine's loopback (a provider run for tests or trials). */
function issuerAllowed(value: string): boolean {
  try {
    const url = new URL(value);
    const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
    return (url.protocol === "https:" || (url.protocol === "http:" && loopback)) && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** What an admin proposes for an agency's identity provider (decision 063). */
export const ZIdentityProviderInput = z.object({
  agencyId: z.string().min(1, { error: "Choose an agency" }).max(64),
  issuer: z
    .string()
    .trim()
    .min(1, { error: "Enter the issuer URL" })
    .max(500, { error: "The issuer URL must be 500 characters or fewer" })
    .refine(issuerAllowed, { error: "Enter the issuer URL as the identity provider gives it, starting https://" }),
  clientId: z.string().trim().min(1, { error: "Enter the client ID" }).max(200, { error: "The client ID must be 200 characters or fewer" }),
  clientSecret: z.string().min(1, { error: "Enter the client secret" }).max(1000, { error: "The client secret must be 1,000 characters or fewer" }),
  allowedDomains: z
    .string()
    .max(2000, { error: "List at most 20 email domains" })
    .transform((s) => [...new Set(s.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(DOMAIN, { error: "Enter each email domain like northshire.police.uk, separated by commas" }))
        .min(1, { error: "Enter at least one email domain, like northshire.police.uk" })
        .max(20, { error: "List at most 20 email domains" }),
    ),
});
export type TIdentityProvider = z.output<typeof ZIdentityProviderInput>;

/** What the admin sees of a configured provider: never the secret. */
export const ZIdentityProviderDto = z.strictObject({
  agencyId: z.string(),
  agencyName: z.string(),
  configured: z.strictObject({ issuer: z.string(), clientId: z.string(), allowedDomains: z.array(z.string()), updatedAt: z.date() }).nullable(),
  pendingProposal: z.boolean(),
});
