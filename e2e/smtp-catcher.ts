import { SMTPServer } from "smtp-server";

/**
 * The e2e server emails notifications to this loopback port (playwright.config.ts sets its SMTP_*
 * variables from it); the notifications spec listens on it. Derived from the e2e port so that
 * parallel runs on other ports do not meet.
 */
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 1025;

export type CaughtEmail = { to: string; text: string };

/** A local SMTP server in the test process that keeps every email it is sent, decoded. */
export async function startSmtpCatcher(): Promise<{ emails: CaughtEmail[]; close: () => Promise<void> }> {
  const emails: CaughtEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // No DNS look-up of the client: the sandbox may have no resolver, and the client is this machine.
    disableReverseLookup: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        // Quoted-printable soft line breaks and escapes undone, so that words are whole again.
        const text = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
        emails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(E2E_SMTP_PORT, "127.0.0.1", () => resolve());
  });
  return { emails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
