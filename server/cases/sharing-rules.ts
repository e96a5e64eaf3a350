import type { Db } from "~/db/client";
import type { FieldCipher } from "~/server/crypto/field-cipher";
import type { Policy } from "~/server/domain/policy/define-policy";
import type { Grant } from "~/server/domain/policy/grants";
import type { CaseSharing } from "~/server/domain/policy/victim-views";
import { readGrantsInEffect } from "./overrides-store";
import { readPolicyInForce } from "./policy-store";

/**
 * What every projection on the server applies besides the viewer and the case: the sharing policy
 * in force and the overrides in effect. Services read it once per request through this one
 * function, so the policy page, the generated protocol and the projection cannot disagree.
 */
export interface SharingRules {
  readonly policy: Policy;
  readonly grants: readonly Grant[];
}

// The policy in force, and the overrides in effect at `now` (an override ends on its date with nobody acting).
export function readSharingRules(db: Pick<Db, "select">, cipher: FieldCipher, now: Date): SharingRules {
  return { policy: readPolicyInForce(db).policy, grants: readGrantsInEffect(db, cipher, now) };
}

/**
 * What projecting items beside cases (actions, research) needs, read once for a whole request:
 * a pack projects sixteen cases' items with the same rules, and each case's views once.
 */
export interface ItemReads {
  readonly rules: SharingRules;
  readonly sharingOf: (caseId: string) => CaseSharing;
}
