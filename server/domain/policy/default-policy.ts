import type { AgencyType } from "../agency-types";
import type { Tag } from "../tags";
import { definePolicy, type PolicyInput } from "./define-policy";

/**
 * The default sharing policy of design.md section 4, as a grid a domestic-abuse lead can review
 * line by line: agency type x tag -> may that type of agency see items carrying the tag?
 * "no" for immigration_enforcement x immigration is also a hard rule (design.md 5.3): no setting
 * can change it, and definePolicy rejects any policy that tries.
 */
export const DEFAULT_SHARING_TABLE = {
  //                        immigration        safe_contact         health         sexuality         criminal         children
  idva:                    { immigration: "yes", safe_contact: "yes", health: "yes", sexuality: "yes", criminal: "yes", children: "yes" },
  by_and_for:              { immigration: "yes", safe_contact: "no",  health: "no",  sexuality: "yes", criminal: "no",  children: "no"  },
  police:                  { immigration: "no",  safe_contact: "yes", health: "no",  sexuality: "no",  criminal: "yes", children: "yes" },
  childrens_social_care:   { immigration: "no",  safe_contact: "yes", health: "yes", sexuality: "no",  criminal: "yes", children: "yes" },
  adult_social_care:       { immigration: "no",  safe_contact: "no",  health: "yes", sexuality: "no",  criminal: "yes", children: "no"  },
  health:                  { immigration: "no",  safe_contact: "no",  health: "yes", sexuality: "no",  criminal: "no",  children: "yes" },
  mental_health:           { immigration: "no",  safe_contact: "no",  health: "yes", sexuality: "no",  criminal: "yes", children: "no"  },
  housing:                 { immigration: "no",  safe_contact: "yes", health: "no",  sexuality: "no",  criminal: "yes", children: "yes" },
  probation:               { immigration: "no",  safe_contact: "no",  health: "no",  sexuality: "no",  criminal: "yes", children: "no"  },
  education:               { immigration: "no",  safe_contact: "no",  health: "no",  sexuality: "no",  criminal: "no",  children: "yes" },
  substance_misuse:        { immigration: "no",  safe_contact: "no",  health: "yes", sexuality: "no",  criminal: "no",  children: "no"  },
  immigration_enforcement: { immigration: "no",  safe_contact: "no",  health: "no",  sexuality: "no",  criminal: "no",  children: "no"  },
} as const satisfies Record<AgencyType, Record<Tag, "yes" | "no">>;

/** Turns a yes/no grid into policy rows (the format definePolicy and the admin screens use). */
export function tableToTypeDefaults(
  table: Readonly<Record<AgencyType, Readonly<Record<Tag, "yes" | "no">>>>,
): PolicyInput["typeDefaults"] {
  return (Object.keys(table) as AgencyType[]).map((agencyType) => ({
    agencyType,
    allow: (Object.keys(table[agencyType]) as Tag[]).filter((tag) => table[agencyType][tag] === "yes"),
  }));
}

/** The version-1 default policy: the table above, no per-agency rows. */
export const DEFAULT_POLICY = definePolicy({ version: 1, typeDefaults: tableToTypeDefaults(DEFAULT_SHARING_TABLE) });
