import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import nodemailer from "nodemailer";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { makeSampleCase } from "~/server/domain/testing/fixtures";
import { researchDeadline } from "~/server/domain/meeting/research-deadline";
import { notificationText } from "~/server/domain/notifications";
import { sendWaitingEmails, type Mailer } from "~/server/services/notification-email";
import type { SessionUser } from "~/server/services/sessions";
import { meetingWithCase } from "../helpers/meeting";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-28T10:00:00Z");
const sample = makeSampleCase();
/** What no notification or email may carry: names, addresses, narrative words. */
const CASE_CONTENT = [sample.victim.name, "Rahman", "Mill Lane", "Elm Close", "spouse visa", "pregnant", "Lina Haddad", "Rosa Mendes", "Southshire", "Change the locks", "7 Harbour Row"];

function draft(name: string) {
  const { caseId: _i, caseNumber: _n, referring: _r, ...rest } = makeSampleCase();
  return { ...rest, victim: { ...rest.victim, name, aliases: [], dateOfBirth: "1993-02-02" }, criteria: { professionalJudgement: true, reasons: { text: "Threats to kill.", spans: [] } } };
}

describe("notifications (issue 12 section 5, issue 11 section 6)", () => {
  const t = createTestDb();
  let s: Awaited<ReturnType<typeof meetingWithCase>>;
  let ie: SessionUser;
  let idva: SessionUser;
  let chair: SessionUser;
  let admin: SessionUser;
  const rows = (u: SessionUser) => t.db.select().from(notifications).where(eq(notifications.userId, u.id)).all();
  const kinds = (u: SessionUser) => rows(u).map((n) => n.kind);

  beforeAll(async () => {
    s = await meetingWithCase(t, NOW, { reps: ["housing", "health", "by_and_for", "probation"], invite: ["housing", "health", "by_and_for"], date: "2026-12-10", publish: false });
    ie = await sessionUserFor(t.db, "agency_rep", "immigration_enforcement");
    idva = await sessionUserFor(t.db, "idva", "idva");
    chair = await sessionUserFor(t.db, "chair", "police");
    admin = await sessionUserFor(t.db, "admin", "police");
  });
  afterAll(() => t.cleanup());

  it("tells the representatives of invited member agencies that the agenda is published, and nobody else", async () => {
    await s.api(s.coordinator).meetings.publish({ meetingId: s.meetingId });
    for (const type of ["housing", "health", "by_and_for"] as const) {
      const [n] = rows(s.rep(type));
      expect(n).toMatchObject({ kind: "agenda_published", link: `/meetings/${s.meetingId}/pack`, meetingDate: "2026-12-10", emailState: "pending" });
      expect(notificationText(n as NonNullable<typeof n>)).toBe("The agenda for the MARAC meeting on 10 December 2026 has been published. Your agency's pack is ready.");
    }
    expect(kinds(s.rep("probation"))).toEqual([]);
    expect(kinds(ie)).toEqual([]);
    expect(kinds(s.coordinator)).toEqual([]);
  });

  it("tells the owning agency that an action was given to it, with the case number and no words of the action", async () => {
    await s.api(s.coordinator).actions.create({ meetingId: s.meetingId, caseId: s.caseId, description: "Change the locks at 7 Harbour Row.", tags: [], owningAgencyId: s.rep("housing").agencyId, ownerName: "Sam Reed", dueDate: "2026-12-20" });
    const list = await s.api(s.rep("housing")).notifications.list();
    const caseNumber = (await s.api(s.coordinator).cases.get({ caseId: s.caseId })).caseNumber;
    expect(list[0]).toMatchObject({ text: `A MARAC action for case ${caseNumber} has been given to your agency.`, link: "/actions", read: false });
    expect(kinds(s.rep("health"))).not.toContain("action_assigned");
  });

  it("raises due, overdue and research-due once, when the user opens the app", async () => {
    const housing = s.rep("housing");
    // Too early for anything: the action is due on 20 December, research by researchDeadline.
    const deadline = researchDeadline("2026-12-10");
    expect(deadline).toBe("2026-12-08");
    const callAt = (u: SessionUser, iso: string) => createCaller(createInnerContext({ db: t.db, user: u, now: () => new Date(iso) }));
    await callAt(housing, "2026-11-28T10:00:00Z").notifications.checkDue();
    expect(kinds(housing)).not.toContain("research_due");
    // Health has done its research; housing has not.
    await callAt(s.rep("health"), "2026-12-04T10:00:00Z").meetings.saveResearch({ meetingId: s.meetingId, caseId: s.caseId, version: null, shared: "Known to the GP practice.", withheld: "" });
    for (let i = 0; i < 2; i++) {
      await callAt(housing, "2026-12-05T10:00:00Z").notifications.checkDue();
      await callAt(s.rep("health"), "2026-12-05T10:00:00Z").notifications.checkDue();
    }
    expect(kinds(housing).filter((k) => k === "research_due")).toHaveLength(1);
    expect(rows(housing).find((n) => n.kind === "research_due")).toMatchObject({ dueDate: "2026-12-08", emailState: "none" });
    expect(kinds(s.rep("health"))).not.toContain("research_due");
    await callAt(housing, "2026-12-18T10:00:00Z").notifications.checkDue();
    expect(rows(housing).find((n) => n.kind === "action_due")).toMatchObject({ dueDate: "2026-12-20" });
    expect(kinds(housing)).not.toContain("action_overdue");
    await callAt(housing, "2026-12-21T10:00:00Z").notifications.checkDue();
    await callAt(housing, "2026-12-22T10:00:00Z").notifications.checkDue();
    expect(kinds(housing).filter((k) => k === "action_overdue")).toHaveLength(1);
    // Another agency's action is not this agency's business.
    await callAt(s.rep("by_and_for"), "2026-12-22T10:00:00Z").notifications.checkDue();
    expect(kinds(s.rep("by_and_for"))).toEqual(["agenda_published"]);
    // A non-member agency is raised nothing on a visit.
    await callAt(ie, "2026-12-22T10:00:00Z").notifications.checkDue();
    expect(kinds(ie)).toEqual([]);
  });

  it("tells the referring agency (Immigration Enforcement too) its referral's status, and nothing else", async () => {
    const refer = async (name: string) => {
      const { id } = await s.api(ie).referrals.start();
      await s.api(ie).referrals.save({ draftId: id, version: 1, patch: draft(name) });
      const res = await s.api(ie).referrals.submit({ draftId: id });
      if (!res.ok) throw new Error(JSON.stringify(res.issues));
      return res.caseId;
    };
    const accepted = await refer("Lina Haddad");
    const declined = await refer("Rosa Mendes");
    await s.api(s.coordinator).triage.accept({ caseId: accepted, meetingId: s.meetingId });
    await s.api(s.coordinator).triage.decline({ caseId: declined, reason: "Lives outside this MARAC's area: referred on to Southshire MARAC." });
    // The agenda changed and an action is given on IE's case: IE still hears only about its referrals.
    await s.api(s.coordinator).actions.create({ meetingId: s.meetingId, caseId: accepted, description: "Safety plan.", tags: [], owningAgencyId: s.rep("housing").agencyId, ownerName: "Sam Reed", dueDate: "2026-12-20" });
    const list = await s.api(ie).notifications.list();
    expect(rows(ie).map((n) => n.kind).sort()).toEqual(["referral_accepted", "referral_declined"]);
    expect(rows(ie).map((n) => n.link).sort()).toEqual([`/cases/${accepted}`, `/cases/${declined}`].sort());
    expect(list.map((n) => n.text).join(" ")).toMatch(/Your agency's referral \S+ has been accepted for MARAC\./);
    expect(list.map((n) => n.text).join(" ")).toMatch(/Your agency's referral \S+ was not accepted for MARAC\. Open it to read why\./);
  });

  it("asks the chairs to approve a privileged change, and tells the user their password was reset", async () => {
    const { proposalId } = await s.api(admin).admin.users.resetPassword({ id: idva.id });
    expect(rows(chair)).toMatchObject([{ kind: "approval_request", link: "/approvals" }]);
    expect(kinds(idva)).toEqual([]);
    await s.api(chair).approvals.approve({ id: proposalId });
    expect(rows(idva)).toMatchObject([{ kind: "password_reset", link: "/account", caseNumber: null }]);
  });

  it("alerts only those who received the old safe contact details in a pack, without the address", async () => {
    // Housing's pack shows safe contact details; by-and-for's withholds them; probation never had a pack.
    await s.api(s.rep("housing")).meetings.pack({ meetingId: s.meetingId });
    await s.api(s.rep("by_and_for")).meetings.pack({ meetingId: s.meetingId });
    const base = await s.api(idva).cases.get({ caseId: s.caseId });
    const victim = sample.victim;
    const edit = s.api(idva).cases.updateVictim;
    // A change to something else alerts nobody.
    const v2 = await edit({ caseId: s.caseId, version: base.version, victim: { ...victim, firstLanguage: "Bengali" } });
    expect(kinds(s.rep("housing"))).not.toContain("contact_details_changed");
    await edit({ caseId: s.caseId, version: v2.version, victim: { ...victim, firstLanguage: "Bengali", address: "7 Harbour Row, Northtown" } });
    const caseNumber = base.caseNumber;
    const alert = (await s.api(s.rep("housing")).notifications.list()).find((n) => n.text.includes("Destroy printed copies"));
    expect(alert?.text).toBe(`The victim's address or safe contact details for case ${caseNumber} have changed since your agency received a pack or minutes. Destroy printed copies of the pack or minutes for case ${caseNumber} and use the new pack.`);
    expect(alert?.link).toBe(`/meetings/${s.meetingId}/pack`);
    expect(kinds(s.rep("by_and_for"))).not.toContain("contact_details_changed");
    expect(kinds(s.rep("probation"))).not.toContain("contact_details_changed");
    expect(kinds(s.rep("health"))).not.toContain("contact_details_changed");
  });

  it("carries no case content in any notification", () => {
    const all = t.db.select().from(notifications).all();
    expect(all.length).toBeGreaterThan(10);
    for (const n of all) {
      const text = `${notificationText(n)} ${n.link} ${n.caseNumber ?? ""}`;
      for (const word of CASE_CONTENT) expect(text, n.kind).not.toContain(word);
    }
  });

  it("lets each user mark only their own notifications read", async () => {
    const housing = s.rep("housing");
    const theirs = rows(s.rep("health"))[0];
    if (!theirs) throw new Error("setup");
    await expect(s.api(housing).notifications.markRead({ id: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(rows(s.rep("health"))[0]?.readAt).toBeNull();
    await expect(s.api(housing).notifications.markRead({ id: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const before = await s.api(housing).notifications.unreadCount();
    const first = rows(housing)[0];
    await s.api(housing).notifications.markRead({ id: first?.id ?? 0 });
    expect(await s.api(housing).notifications.unreadCount()).toBe(before - 1);
    await s.api(housing).notifications.markAllRead();
    expect(await s.api(housing).notifications.unreadCount()).toBe(0);
    expect(await s.api(s.rep("health")).notifications.unreadCount()).toBeGreaterThan(0);
  });

  it("emails what is waiting once, through SMTP, with no case content and a link", async () => {
    const received: { to: string; body: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
        stream.on("end", () => {
          // Quoted-printable: soft line breaks and escaped bytes, undone so words are whole again.
          const text = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body: text });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const mailer: Mailer = { from: "MARAC Desk <desk@example.org>", appUrl: "https://marac.example.org", send: (m) => transport.sendMail(m) };
    try {
      const pending = t.db.select().from(notifications).where(eq(notifications.emailState, "pending")).all();
      expect(pending.length).toBeGreaterThan(5);
      expect(await sendWaitingEmails(t.db, mailer, NOW)).toBe(pending.length);
      // Each went once: nothing is left to send.
      expect(await sendWaitingEmails(t.db, mailer, NOW)).toBe(0);
      expect(received).toHaveLength(pending.length);
      expect(received.map((r) => r.to)).toContain(s.rep("housing").email);
      for (const { body } of received) {
        expect(body).toContain("https://marac.example.org/notifications");
        for (const word of CASE_CONTENT) expect(body).not.toContain(word);
        expect(body).not.toMatch(/TS-\d{4}-\d+/);
      }
    } finally {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("logs a failed email and carries on, without retrying it", async () => {
    const { id } = await s.api(s.coordinator).meetings.create({ date: "2027-01-07", time: "09:30", venue: "Room", online: false, chairUserId: s.coordinator.id, invitedAgencyIds: [s.rep("housing").agencyId] });
    await s.api(s.coordinator).meetings.publish({ meetingId: id });
    let tries = 0;
    const failing: Mailer = { from: "x@example.org", appUrl: "https://marac.example.org", send: () => { tries += 1; return Promise.reject(new Error("connection refused")); } };
    await expect(sendWaitingEmails(t.db, failing, NOW)).resolves.toBe(0);
    await expect(sendWaitingEmails(t.db, failing, NOW)).resolves.toBe(0);
    expect(tries).toBe(1);
  });
});
