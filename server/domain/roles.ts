/** User roles (design.md section 1). Every user belongs to exactly one agency. */
export const ROLES = ["admin", "chair", "coordinator", "idva", "agency_rep"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "System administrator",
  chair: "MARAC chair",
  coordinator: "MARAC coordinator",
  idva: "IDVA",
  agency_rep: "Agency representative",
};
