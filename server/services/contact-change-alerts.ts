import { and, desc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { agendaItems, disclosures, meetings } from "~/db/schema";
import { openTags, PLACES } from "~/server/cases/sealed-values";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { caseFacts, notify, representativesOf, userAsRecipient } from "./notifications";

type Tx = Pick<Db, "select" | "insert">;

/** Packs and minutes: what may have been printed and carried out of the system. */
const PRINTABLE = ["meeting_pack", "meeting_pack_pdf", "minutes", "minutes_pdf"] as const;

/**
 * The victim's address or safe contact details changed (issue 11 section 6): everyone who received
 * the old value in a pack or minutes is told to destroy printed copies and use the new pack. Who
 * received it is read from the disclosure log: a pack or minutes that showed the safe-contact
 * category to an agency (its representatives are told), or to a chair or coordinator previewing
 * (that person is told). A pack that withheld the category, or no pack at all, tells nobody. The
 * alert names the case number at most, never the address.
 */
export function alertContactDetailsChanged(tx: Tx, cipher: FieldCipher, caseId: string, version: number, now: Date): void {
  const received = tx
    .select({ userId: disclosures.userId, agencyId: disclosures.agencyId, consultation: disclosures.consultation, tagsShown: disclosures.tagsShown, caseId: disclosures.caseId })
    .from(disclosures)
    .where(and(eq(disclosures.caseId, caseId), inArray(disclosures.surface, [...PRINTABLE]), lte(disclosures.at, now)))
    .all()
    .filter((d) => openTags(cipher, d.tagsShown, PLACES.disclosureTagsShown(d.caseId, d.userId)).includes("safe_contact"));
  if (received.length === 0) return;
  const agencyIds = [...new Set(received.filter((d) => !d.consultation).map((d) => d.agencyId))];
  const organisers = [...new Set(received.filter((d) => d.consultation).map((d) => d.userId))];
  const recipients = [...representativesOf(tx, agencyIds, { memberOnly: true }), ...organisers.flatMap((id) => userAsRecipient(tx, id))];
  // The newest meeting with this case on its agenda holds the pack to use now.
  const latest = tx.select({ id: meetings.id }).from(agendaItems).innerJoin(meetings, eq(meetings.id, agendaItems.meetingId)).where(eq(agendaItems.caseId, caseId)).orderBy(desc(meetings.date)).get();
  notify(tx, recipients, { kind: "contact_details_changed", case: caseFacts(tx, caseId), link: latest ? `/meetings/${latest.id}/pack` : `/cases/${caseId}`, key: `contact_details_changed:${caseId}:${version}` }, now);
}
