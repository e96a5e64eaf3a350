import type { Db } from "~/db/client";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import { ZPack, type TPack } from "~/server/schemas/packs";
import { getMeeting } from "~/server/services/meetings";
import { getPack } from "~/server/services/packs";
import type { SessionUser } from "~/server/services/sessions";
import { packDocument } from "./pack-document";
import type { PdfDocument } from "./pdf/types";

/**
 * Pack PDFs as the PDF worker builds them (decision 076): the same getPack (projection and
 * disclosure log, surface "meeting_pack_pdf") and the same output schema as the on-screen pack,
 * then the document description. Runs wherever it is given a connection; the server runs it on a
 * worker thread so a zip of eleven packs never holds up other readers.
 */
export type PackFile = { name: string; document: PdfDocument };

export function packFileName(pack: TPack): string {
  return `marac-pack-${pack.meeting.date}-${slug(pack.recipient.agencyName)}.pdf`;
}

/** One agency's pack (the reader's own, or for a chair or coordinator any invited agency's). */
export function packFile(db: Db, cipher: FieldCipher, user: SessionUser, meetingId: string, now: Date, asAgencyId?: string): PackFile {
  // Parsed with the procedures' own output schema: an unexpected key fails the download instead of reaching the PDF.
  const pack = ZPack.parse(getPack(db, cipher, user, meetingId, now, { asAgencyId, surface: "meeting_pack_pdf" }));
  return { name: packFileName(pack), document: packDocument(pack, now) };
}

/** Every invited agency's pack, for the organiser's zip: each its own projection and its own disclosures. */
export function allPackFiles(db: Db, cipher: FieldCipher, user: SessionUser, meetingId: string, now: Date): PackFile[] {
  return getMeeting(db, cipher, user, meetingId).invited.map((a) => packFile(db, cipher, user, meetingId, now, a.id));
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
