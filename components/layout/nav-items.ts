import type { Role } from "~/server/domain/roles";

/** `more`: the roles for whom the item sits under "More" (a chair has 14 entries; most days need 7). */
export type NavItem = { href: string; label: string; roles: readonly Role[] | "all"; maracMembersOnly?: true; more?: readonly Role[] };

const HOLDERS = ["chair", "coordinator", "idva"] as const;
const ORGANISERS = ["chair", "coordinator"] as const;

/**
 * The navigation, as data. Each entry names the roles whose procedures back the page, so a user
 * never sees a link to something they may not do (the server still refuses it on its own). Pages
 * backed by MARAC-member-only procedures are not offered to a non-member agency.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "Home", roles: "all" },
  { href: "/cases", label: "Cases", roles: ["chair", "coordinator", "idva", "agency_rep"] },
  { href: "/referrals", label: "Refer a case", roles: ["chair", "coordinator", "idva", "agency_rep"], more: HOLDERS },
  { href: "/triage", label: "Triage", roles: ["chair", "coordinator"] },
  { href: "/approvals", label: "Approvals", roles: ["chair"] },
  { href: "/meetings", label: "Meetings", roles: ["chair", "coordinator", "idva", "agency_rep"], maracMembersOnly: true },
  { href: "/actions", label: "Actions", roles: ["chair", "coordinator", "idva", "agency_rep"], maracMembersOnly: true },
  { href: "/review", label: "Review text", roles: ["chair", "coordinator", "idva"] },
  { href: "/overrides", label: "Overrides", roles: ["chair", "coordinator", "idva"], maracMembersOnly: true, more: HOLDERS },
  { href: "/tell-the-victim", label: "Tell the victim", roles: ["chair", "coordinator", "idva"], maracMembersOnly: true, more: ORGANISERS },
  { href: "/reports", label: "Reports", roles: ["chair", "coordinator", "admin"], more: [...ORGANISERS, "admin"] },
  { href: "/reports/dashboards", label: "Referral figures", roles: ["idva", "agency_rep"], more: ["idva"] },
  { href: "/retention", label: "Retention", roles: ["chair", "coordinator"], more: ORGANISERS },
  { href: "/admin/agencies", label: "Agencies", roles: ["admin"] },
  { href: "/admin/users", label: "Users", roles: ["admin"] },
  { href: "/admin/import", label: "Import referrals", roles: ["admin"], more: ["admin"] },
  { href: "/admin/settings", label: "MARAC settings", roles: ["admin"] },
  { href: "/admin/policy", label: "Sharing policy", roles: ["admin"] },
  { href: "/admin/changes", label: "Waiting for approval", roles: ["admin"] },
  { href: "/admin/audit", label: "Audit log", roles: ["admin"] },
  { href: "/policy", label: "Sharing policy", roles: ["chair", "coordinator", "idva", "agency_rep"], more: HOLDERS },
  { href: "/account", label: "Your account", roles: "all", more: HOLDERS },
];

export function navItemsFor(user: { role: Role; agencyIsMember: boolean }): NavItem[] {
  return NAV_ITEMS.filter((item) => (item.roles === "all" || item.roles.includes(user.role)) && (!item.maracMembersOnly || user.agencyIsMember));
}

/** The user's navigation split into what is always shown and what sits under "More". */
export function navGroupsFor(user: { role: Role; agencyIsMember: boolean }): { primary: NavItem[]; more: NavItem[] } {
  const items = navItemsFor(user);
  const underMore = (item: NavItem) => item.more?.includes(user.role) === true;
  return { primary: items.filter((i) => !underMore(i)), more: items.filter(underMore) };
}
