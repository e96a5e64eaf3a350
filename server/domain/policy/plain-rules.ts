import { IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT } from "./hard-rules";

/**
 * The rules no setting changes, in plain English, for the policy page and the generated protocol.
 * Each states what the projection and the app enforce (docs/redaction.md section 3, decision 033).
 */
export const HARD_RULES_IN_PLAIN_ENGLISH: readonly { readonly title: string; readonly text: string }[] = [
  { title: IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT.title, text: IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT.explanation },
  {
    title: "Immigration Enforcement is never a MARAC member",
    text: "It may refer a case and see that referral and its status, through the same redaction; it receives no meetings, packs, minutes, research, actions or flags.",
  },
  {
    title: "Nothing is shared unless the policy allows every category an item carries",
    text: "An item tagged with two categories is shown only to agencies allowed both. Anything not allowed is withheld.",
  },
  {
    title: "A withheld item looks the same whatever it holds",
    text: "Agencies see the same placeholder whether an item was filled in or left empty, so it never hints at what is recorded.",
  },
  {
    title: "The administrator sees no case content",
    text: "The administrator runs accounts, agencies and settings, and anything that widens someone's access needs a chair's approval.",
  },
];

/** One sentence each on what narrows and widens sharing case by case (decision 049; design.md section 6). */
export const VICTIM_VIEWS_RULE =
  "Where the victim has asked for a category not to be shared, it is withheld on her case from every agency except the chair, the coordinator and the IDVA, even where this policy would share it.";
export const OVERRIDES_RULE =
  "A recorded MARAC override can share one category of one case with one named agency until an end date, with a reason, and is shown on the victim's sharing record.";
