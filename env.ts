import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** Secrets a person might type; refusing them keeps a copied example from reaching production. */
const WEAK_SECRET_WORDS = ["changeme", "change-me", "secret", "password", "example", "test", "demo"];

export const ZAuthSecret = z
  .string({ error: "AUTH_SECRET is not set. Generate one with `openssl rand -base64 48`." })
  .min(32, { error: "AUTH_SECRET is too short: use at least 32 random characters (`openssl rand -base64 48`)." })
  .refine((s) => new Set(s).size >= 12, { error: "AUTH_SECRET is too weak: it repeats too few characters to be random." })
  .refine((s) => !WEAK_SECRET_WORDS.some((w) => s.toLowerCase().includes(w)), {
    error: "AUTH_SECRET looks like a placeholder (it contains a word such as 'secret' or 'changeme'). Use a random value.",
  });

/** DATA_KEY: base64 of exactly 32 random bytes; the key for values encrypted at rest. */
export const ZDataKey = z
  .string({ error: "DATA_KEY is not set. Generate one with `openssl rand -base64 32`." })
  .refine((s) => Buffer.from(s.trim(), "base64").length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(s.trim()), {
    error: "DATA_KEY must be the base64 encoding of 32 random bytes (`openssl rand -base64 32`).",
  });

/** A count setting from 1 to `max`, with one message for any other value. */
const wholeNumber = (name: string, max: number) => {
  const error = `${name} must be a whole number from 1 to ${max}.`;
  return z.coerce.number({ error }).int({ error }).min(1, { error }).max(max, { error });
};

/**
 * The only module that reads configuration. Everything else imports `env` from here, so a bad
 * value stops start-up with one clear message rather than failing later in a request.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.string().min(1).default("data/marac.db"),
    AUTH_SECRET: ZAuthSecret,
    DATA_KEY: ZDataKey,
    /** Set to "false" only behind a trusted TLS-terminating proxy that is tested without HTTPS. */
    AUTH_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
    /** Email notifications (optional): off unless SMTP_HOST is set. */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number({ error: "SMTP_PORT must be a port number." }).int().min(1).max(65535).default(587),
    /** "true": TLS from the start (port 465); otherwise STARTTLS, required unless the host is this machine. */
    SMTP_SECURE: z.enum(["true", "false"]).default("false"),
    SMTP_USER: z.string().min(1).optional(),
    SMTP_PASSWORD: z.string().min(1).optional(),
    SMTP_FROM: z.string().min(3).default("MARAC Desk <marac-desk@localhost>"),
    /** The address people open MARAC Desk at, for the link in an email. */
    APP_URL: z.url({ error: "APP_URL must be the address MARAC Desk is served at, such as https://marac.example.org." }).default("http://localhost:3000"),
    /** Worker threads rendering PDFs and zips (decision 060); unset: one per spare core, at most 2. */
    PDF_WORKER_THREADS: wholeNumber("PDF_WORKER_THREADS", 16).optional(),
    /** PDF and zip downloads that may wait for a worker; past this, readers are asked to try again in a minute. */
    PDF_QUEUE_LIMIT: wholeNumber("PDF_QUEUE_LIMIT", 1000).default(20),
    /**
     * Roles that must use an authenticator app (decision 051): by default chair, coordinator, IDVA
     * and admin. "none" only for the end-to-end test server, whose many sign-ins are by password.
     */
    AUTH_SECOND_FACTOR_ROLES: z
      .string()
      .default("chair,coordinator,idva,admin")
      .refine((s) => s === "none" || s.split(",").every((r) => ["admin", "chair", "coordinator", "idva", "agency_rep"].includes(r.trim())), {
        error: 'AUTH_SECOND_FACTOR_ROLES must be a comma-separated list of roles (admin, chair, coordinator, idva, agency_rep), or "none".',
      }),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
  onValidationError: (issues) => {
    const lines = issues.map((i) => `  - ${i.path?.map(String).join(".") ?? "?"}: ${i.message}`);
    throw new Error(`MARAC Desk cannot start: the configuration is invalid.\n${lines.join("\n")}`);
  },
});
