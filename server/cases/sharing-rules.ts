import type { Db } from "~/db/client";
import { DEFAULT_POLICY } from "~/server/domain/policy/default-policy";
import type { Policy } from "~/server/domain/policy/define-policy";
import type { Grant } from "~/server/domain/policy/grants";
import { readGrantsInEffect } from "./overrides-store";

/**
 * What every projection on the server applies besides the viewer and the case: the sharing policy
 * in force and the overrides in effect. Services read it once per request through this one
 * function, so the policy page, the generated protocol and the projection cannot disagree.
 */
export interface SharingRules {
  readonly policy: Policy;
  readonly grants: readonly Grant[];
}

// Until policy versions are stored, the version-1 default applies; overrides are those in effect at `now`.
export function readSharingRules(db: Pick<Db, "select">, now: Date): SharingRules {
  return { policy: DEFAULT_POLICY, grants: readGrantsInEffect(db, now) };
}
