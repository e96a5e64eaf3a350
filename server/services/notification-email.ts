import { and, eq, gte } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "~/db/client";
import { notifications, users } from "~/db/schema";
import { env } from "~/env";
import { emailLine } from "~/server/domain/notifications";

/** What sending one email needs; nodemailer's transport in the app, the same transport in tests. */
export type Mailer = { from: string; appUrl: string; send: (mail: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1"]);
let configured: Mailer | null | undefined;

/** The SMTP mailer from the environment, or null when email is off (SMTP_HOST unset). */
export function appMailer(): Mailer | null {
  if (configured !== undefined) return configured;
  if (!env.SMTP_HOST) return (configured = null);
  const transport = nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE === "true",
    // Off this machine, never in clear: STARTTLS or nothing.
    requireTLS: env.SMTP_SECURE !== "true" && !LOOPBACK.has(env.SMTP_HOST),
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
    // A slow mail server must not hold anything up for long: it is given up and logged.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return (configured = { from: env.SMTP_FROM, appUrl: env.APP_URL, send: (mail) => transport.sendMail(mail) });
}

/** The whole email: that something is waiting, and a link. No case number, date, name or text. */
export function emailFor(mailer: Mailer, kind: Parameters<typeof emailLine>[0]) {
  return {
    subject: "MARAC Desk: something is waiting for you",
    text: [
      emailLine(kind),
      "",
      `Sign in to MARAC Desk to see it: ${new URL("/notifications", mailer.appUrl).toString()}`,
      "",
      "This email never carries case information. If you were not expecting it, tell your MARAC coordinator.",
    ].join("\n"),
  };
}

/**
 * Emails the notifications raised for events since `since` that have not been emailed yet. Called
 * after the action that raised them has committed, and not awaited by it: each row is claimed
 * before sending so it goes at most once, and a failure is logged, never retried or reported to
 * the person who acted.
 */
export async function sendWaitingEmails(db: Db, mailer: Mailer | null, since: Date): Promise<number> {
  if (!mailer) return 0;
  const waiting = db
    .select({ id: notifications.id, kind: notifications.kind, email: users.email, active: users.active })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(eq(notifications.emailState, "pending"), gte(notifications.createdAt, since)))
    .all();
  const claimed = waiting.filter((n) => db.update(notifications).set({ emailState: "sent" }).where(and(eq(notifications.id, n.id), eq(notifications.emailState, "pending"))).run().changes === 1);
  let sent = 0;
  for (const n of claimed.filter((c) => c.active)) {
    try {
      await mailer.send({ from: mailer.from, to: n.email, ...emailFor(mailer, n.kind) });
      sent += 1;
    } catch (e) {
      // The kind of failure only (nodemailer's code, such as ECONNECTION): the address and the error's text may name a person.
      const code = typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? ` (${e.code})` : "";
      console.error(`Notification email ${n.id} was not sent: ${e instanceof Error ? e.name : "error"}${code}`);
    }
  }
  return sent;
}
