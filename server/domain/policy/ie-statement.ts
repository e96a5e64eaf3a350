import { TAG_LABELS, TAGS, type Tag } from "../tags";
import { allowedTags, type Policy } from "./define-policy";
import { IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT } from "./hard-rules";
import { APPROVAL_NEED_TEXT, DEFAULT_OVERRIDE_DAYS, IE_ADDITIONAL_ITEMS, IE_BASIC_ITEMS, IE_ITEMS, MAX_OVERRIDE_MONTHS, TELL_VICTIM_DAYS } from "./overrides";

export type StatementSection = { readonly heading: string; readonly paragraphs: readonly string[]; readonly list?: readonly string[] };
export type IeStatement = { readonly policyVersion: number; readonly sections: readonly StatementSection[] };

function words(tags: readonly Tag[]): string {
  const labels = tags.map((t) => `${TAG_LABELS[t]} information`);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/**
 * Whether, when and in what circumstances anything is shared with Immigration Enforcement
 * ("Safe to share?" recommendation 2), in plain English for victims and agencies. Every sentence
 * that states a rule is built from the rule itself (the hard rule, the policy in force for each
 * Immigration Enforcement agency, the override rules and the seed's tiers), so the statement
 * changes when they do and cannot say something the software does not do.
 */
export function immigrationEnforcementStatement(policy: Policy, ieAgencies: readonly { id: string; name: string }[]): IeStatement {
  const rule = IMMIGRATION_NEVER_TO_IMMIGRATION_ENFORCEMENT;
  const byPolicy = ieAgencies.map((a) => ({ name: a.name, tags: TAGS.filter((t) => allowedTags(policy, a.id, "immigration_enforcement").has(t)) }));
  const policyLines =
    byPolicy.length === 0
      ? ["No Immigration Enforcement agency is recorded in MARAC Desk."]
      : byPolicy.map((a) =>
          a.tags.length === 0
            ? `${a.name}: none of the restricted kinds of information (${words([...TAGS])}).`
            : `${a.name}: ${words(a.tags)}. It never receives immigration information this way.`,
        );
  return {
    policyVersion: policy.version,
    sections: [
      {
        heading: "The short answer",
        paragraphs: [
          "MARAC agencies share information to keep you safe, not to check anyone's immigration status.",
          `${rule.title}. No setting in MARAC Desk can change this.`,
          "Immigration Enforcement is not a member of the MARAC. It does not attend meetings and does not receive meeting packs, minutes, actions or risk assessments. If it referred a case, it sees only that referral and whether it was accepted.",
        ],
      },
      {
        heading: "What Immigration Enforcement can see under the sharing policy",
        paragraphs: [`Under the sharing policy in force (version ${policy.version}), each Immigration Enforcement agency may see:`],
        list: policyLines,
      },
      {
        heading: "The only way anything is shared with Immigration Enforcement",
        paragraphs: [
          "Only a recorded decision of the MARAC can share anything with Immigration Enforcement, and only where sharing directly improves the victim's safety. The decision must:",
        ],
        list: [
          "first consider a referral to an independent third party, such as an immigration advice service, instead of Immigration Enforcement (the route the police guidance prefers);",
          "give a reason that says how sharing improves the victim's safety, and the MARAC meeting or decision reference;",
          `be approved by ${APPROVAL_NEED_TEXT.chair_and_idva};`,
          `end on a set date: ${DEFAULT_OVERRIDE_DAYS} days unless the MARAC chooses otherwise, and never more than ${MAX_OVERRIDE_MONTHS} months. It stops by itself on that date, and can be stopped sooner.`,
        ],
      },
      {
        heading: "What may be shared",
        paragraphs: [
          `Basic information first: ${IE_BASIC_ITEMS.map((i) => IE_ITEMS[i].label.toLowerCase()).join(", ")}.`,
          `Additional information (${IE_ADDITIONAL_ITEMS.map((i) => IE_ITEMS[i].label.toLowerCase()).join("; ")}) only after the victim has been asked for her views, unless that was impracticable, and with a recorded note of why sharing it is proportionate. Her views are recorded and weighed, but they do not decide on their own.`,
        ],
      },
      {
        heading: "Telling the victim",
        paragraphs: [
          `Every decision to share creates a task for the IDVA to tell the victim what was shared, when and why, within ${TELL_VICTIM_DAYS} days, or to record why it is not yet safe to tell her.`,
          "Every decision, approval and stop is recorded in the audit log, and the victim's sharing record lists it.",
        ],
      },
      {
        heading: "Where children are involved",
        paragraphs: ["Where children are involved and at risk, children's social care has the duty to protect the child and is the first point of contact, not Immigration Enforcement."],
      },
    ],
  };
}
