type AgencyRow = { id: string; name: string; active: boolean; isMaracMember: boolean };

/** Agencies to offer in the user form: active ones, with non-members labelled so the admin knows. */
export function agencyOptions(agencies: AgencyRow[], currentId?: string) {
  return agencies
    .filter((a) => a.active || a.id === currentId)
    .map((a) => ({ value: a.id, label: `${a.name}${a.isMaracMember ? "" : " (not a MARAC member)"}${a.active ? "" : " (inactive)"}` }));
}
