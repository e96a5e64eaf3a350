import type { AgencyType } from "../../server/domain/agency-types";
import type { Role } from "../../server/domain/roles";

/**
 * The fictional "Northshire MARAC" demo area. Every name here is made up. These users exist only
 * in the demo seed: a real area starts with no users and creates its own admin.
 */
export const DEMO_AREA_NAME = "Northshire MARAC";
export const DEMO_PASSWORD = "northshire-demo-2026";

/**
 * The demo's authenticator secret (base32), set up for the demo admin, chair, coordinator and IDVA
 * (decision 052). Printed at start so a demo user can add it to an authenticator app. Demo only.
 */
export const DEMO_TOTP_SECRET = "NORTHSHIREDEMOTOTPSECRETKEYABCDE";

export const DEMO_AGENCIES: readonly { key: string; name: string; type: AgencyType; isMaracMember: boolean }[] = [
  { key: "police", name: "Northshire Police", type: "police", isMaracMember: true },
  { key: "idva", name: "Northshire Domestic Abuse Service (IDVA)", type: "idva", isMaracMember: true },
  { key: "byandfor", name: "Saheli Women's Project", type: "by_and_for", isMaracMember: true },
  { key: "csc", name: "Northshire Children's Social Care", type: "childrens_social_care", isMaracMember: true },
  { key: "asc", name: "Northshire Adult Social Care", type: "adult_social_care", isMaracMember: true },
  { key: "health", name: "Northshire NHS Foundation Trust", type: "health", isMaracMember: true },
  { key: "mental", name: "Northshire Mental Health Partnership", type: "mental_health", isMaracMember: true },
  { key: "housing", name: "Northshire Homes", type: "housing", isMaracMember: true },
  { key: "probation", name: "Probation Service, Northshire", type: "probation", isMaracMember: true },
  { key: "education", name: "Northshire Schools Safeguarding Team", type: "education", isMaracMember: true },
  { key: "substance", name: "Northshire Recovery Service", type: "substance_misuse", isMaracMember: true },
  // A record only, so that later features can prove the hard rules: never a MARAC member.
  { key: "ie", name: "Immigration Enforcement", type: "immigration_enforcement", isMaracMember: false },
];

export const DEMO_USERS: readonly { name: string; email: string; agency: string; role: Role; active: boolean }[] = [
  { name: "Alex Morgan", email: "admin@northshire.example", agency: "police", role: "admin", active: true },
  { name: "DI Sarah Okafor", email: "chair@northshire.example", agency: "police", role: "chair", active: true },
  { name: "Priya Nair", email: "coordinator@northshire.example", agency: "police", role: "coordinator", active: true },
  { name: "Jo Whitfield", email: "idva@northshire.example", agency: "idva", role: "idva", active: true },
  { name: "Tom Reilly", email: "police@northshire.example", agency: "police", role: "agency_rep", active: true },
  { name: "Hannah Lewis", email: "housing@northshire.example", agency: "housing", role: "agency_rep", active: true },
  { name: "Marcus Bell", email: "childrens@northshire.example", agency: "csc", role: "agency_rep", active: true },
  { name: "Dr Amina Yusuf", email: "health@northshire.example", agency: "health", role: "agency_rep", active: true },
  { name: "Claire Dunn", email: "probation@northshire.example", agency: "probation", role: "agency_rep", active: true },
  { name: "Farida Begum", email: "saheli@northshire.example", agency: "byandfor", role: "agency_rep", active: true },
  { name: "Officer Dale Hunt", email: "ie@northshire.example", agency: "ie", role: "agency_rep", active: true },
  { name: "Pat Former", email: "former@northshire.example", agency: "housing", role: "agency_rep", active: false },
];

/** Risk-factor flags the demo IDVA has raised (notes are fictional). */
export const DEMO_FLAGS: readonly { victim: string; factorId: string; note: string }[] = [
  { victim: "Parveen Akhtar", factorId: "immigration_status_abuse", note: "Her husband says the Home Office will deport her and keep the baby if she calls the police." },
  { victim: "Parveen Akhtar", factorId: "pregnancy_or_new_baby", note: "Baby born in 2025; health visitor involved." },
  { victim: "Parveen Akhtar", factorId: "isolation", note: "Locked in her room by her mother-in-law; no friends in the area." },
  { victim: "Ionela Popescu", factorId: "stalking", note: "He waited outside her new flat three times in May." },
  { victim: "Helen Greaves", factorId: "non_fatal_strangulation", note: "Strangled until she nearly passed out, per police report." },
];
