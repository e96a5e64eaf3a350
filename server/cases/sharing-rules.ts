import type { Db } from "~/db/client";
import type { Policy } from "~/server/domain/policy/define-policy";
import type { Grant } from "~/server/domain/policy/grants";
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

// Until overrides are stored, none are in effect.
export function readSharingRules(db: Pick<Db, "select">, _now: Date): SharingRules {
  return { policy: readPolicyInForce(db).policy, grants: [] };
}
