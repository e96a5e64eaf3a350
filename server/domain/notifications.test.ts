import { describe, expect, it } from "vitest";
import { emailLine, isDueSoon, NOTIFICATION_KINDS, notificationText, touchesVictimContact } from "./notifications";

describe("notification wording and dates", () => {
  it("calls an action due soon from today until three days ahead, not after its date", () => {
    expect(isDueSoon("2026-12-20", "2026-12-17")).toBe(true);
    expect(isDueSoon("2026-12-20", "2026-12-16")).toBe(false);
    expect(isDueSoon("2026-12-20", "2026-12-21")).toBe(false);
  });

  it("alerts on the victim's address and safe contact fields only", () => {
    expect(touchesVictimContact(["victim.address"])).toBe(true);
    expect(touchesVictimContact(["victim.safeContactNotes"])).toBe(true);
    expect(touchesVictimContact(["victim.firstLanguage", "narrative"])).toBe(false);
    expect(touchesVictimContact(["victim.addressHistory"])).toBe(false);
  });

  it("never puts a case number or date in an email, whatever the notification holds", () => {
    for (const kind of NOTIFICATION_KINDS) {
      const onScreen = notificationText({ kind, caseNumber: "NS-2026-0042", meetingDate: "2026-12-10", dueDate: "2026-12-08" });
      expect(onScreen.length).toBeGreaterThan(10);
      expect(emailLine(kind)).not.toMatch(/NS-|2026|December/);
    }
  });
});
