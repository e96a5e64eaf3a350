import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { preparedQuery } from "~/db/prepared";
import { disclosures } from "~/db/schema";
import { openFreeText, openTags, PLACES, sealFreeText, sealTags } from "~/server/cases/sealed-values";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { Tag } from "~/server/domain/tags";
import type { SessionUser } from "./sessions";

export const SURFACES = ["case_page", "case_api", "sharing_record", "import", "meeting_pack", "meeting_pack_pdf", "minutes", "minutes_pdf"] as const;
export type Surface = (typeof SURFACES)[number];

export type DisclosureEntry = {
  at: Date;
  caseId: string;
  user: SessionUser;
  surface: Surface;
  tagsShown: readonly Tag[];
  tagsWithheld: readonly Tag[];
  policyVersion: number;
  purpose?: string | null;
};

type DisclosureRow = Omit<typeof disclosures.$inferInsert, "id">;
const bound = sql.placeholder;
// One per case view: built once per connection. Every column is bound (`satisfies` keeps the list
// whole), each through its column's encoding.
const insertDisclosure = preparedQuery((db) =>
  db
    .insert(disclosures)
    .values({
      at: bound("at"),
      caseId: bound("caseId"),
      userId: bound("userId"),
      userName: bound("userName"),
      role: bound("role"),
      agencyId: bound("agencyId"),
      agencyName: bound("agencyName"),
      agencyType: bound("agencyType"),
      surface: bound("surface"),
      tagsShown: bound("tagsShown"),
      tagsWithheld: bound("tagsWithheld"),
      policyVersion: bound("policyVersion"),
      purpose: bound("purpose"),
      consultation: bound("consultation"),
    } satisfies Record<keyof DisclosureRow, unknown>)
    .prepare(),
);

/**
 * Appends one disclosure. Chairs' and coordinators' views are entered the same way, marked as
 * consultations, so every look at restricted information is on the record. The tags shown are
 * sealed (they say what the case holds); so is the purpose, which the reader may have typed.
 */
export function logDisclosure(db: Pick<Db, "insert">, cipher: FieldCipher, e: DisclosureEntry): void {
  const row: Required<DisclosureRow> = {
    at: e.at,
    caseId: e.caseId,
    userId: e.user.id,
    userName: e.user.name,
    role: e.user.role,
    agencyId: e.user.agencyId,
    agencyName: e.user.agencyName,
    agencyType: e.user.agencyType,
    surface: e.surface,
    tagsShown: sealTags(cipher, e.tagsShown, PLACES.disclosureTagsShown(e.caseId, e.user.id)),
    tagsWithheld: [...e.tagsWithheld],
    policyVersion: e.policyVersion,
    purpose: e.purpose ? sealFreeText(cipher, e.purpose, PLACES.disclosurePurpose(e.caseId, e.user.id)) : null,
    consultation: e.user.role === "chair" || e.user.role === "coordinator",
  };
  insertDisclosure(db).run(row);
}

/** A case's disclosures, oldest first, with the sealed values opened (the purpose still to be projected). */
export function listDisclosures(db: Db, cipher: FieldCipher, caseId: string) {
  return db.select().from(disclosures).where(eq(disclosures.caseId, caseId)).orderBy(asc(disclosures.at), asc(disclosures.id)).all()
    .map((d) => ({
      ...d,
      tagsShown: openTags(cipher, d.tagsShown, PLACES.disclosureTagsShown(d.caseId, d.userId)),
      purpose: d.purpose ? openFreeText(cipher, d.purpose, PLACES.disclosurePurpose(d.caseId, d.userId)) : null,
    }));
}
