import { TAGS, type Tag } from "../tags";
import { HEALTH_FAMILY } from "./rules/health";
import { IMMIGRATION_FAMILY } from "./rules/immigration";
import { SAFE_CONTACT_FAMILY } from "./rules/safe-contact";
import { firingRules, type RuleFamily } from "./rules/types";
import { splitSentences, type SentenceSpan } from "./sentences";

/**
 * One flagged sentence. `start`/`end` are UTF-16 offsets into the input string (so
 * `text.slice(start, end)` is the sentence); `tags` are in `TAGS` order; `rule` is the
 * comma-joined list (no spaces) of every rule id that fired on the sentence: "imm.context" first
 * if the context rule applied, then immigration, safe-contact and health rules, each in
 * rule-table order, e.g. "imm.visa,imm.sponsor-dependence" (at most 200 characters; a longer
 * list is cut and ends ",+N").
 */
export interface DetectedSpan {
  start: number;
  end: number;
  tags: Tag[];
  rule: string;
}

export const FAMILIES: readonly RuleFamily[] = [IMMIGRATION_FAMILY, SAFE_CONTACT_FAMILY, HEALTH_FAMILY];

export const CONTEXT_RULE_ID = "imm.context";

/**
 * Context carry-over. A sentence that refers back to an immigration matter without naming it
 * ("The family's claim was refused.", "The application is still outstanding.", "It was refused
 * in May.") is `immigration` when it comes straight after an immigration sentence in the same
 * paragraph. Chains: a sentence flagged this way can carry to the next one.
 */
export const CONTEXT_BACK_REFERENCE =
  /\b(?:(?:the|this|that|these|her|his|their|its|(?:the\s+)?(?:family|mum|mother|dad|father|victim|perp|perpetrator|children|child)['’]s)\s+(?:(?:fresh|new|first|second|latest|current|pending|outstanding|further|initial|original|joint|subsequent|renewed|recent|last)\s+)?(?:claims?|applications?|appeals?|decisions?|refusals?|renewal|extension|interview|outcome|hearing|grant|papers|paperwork|documents|caseworker|sponsor|leave)|(?:it|this|that|they)\s+(?:was|were|has\s+been|had\s+been|have\s+been|is|are)\s+(?:(?:now|then|later|since|subsequently|already)\s+)?(?:refused|granted|rejected|dismissed|withdrawn|curtailed|approved|allowed|successful|unsuccessful|pending|outstanding|lodged|submitted))\b/i;

/** `Span.rule` is stored with at most 200 characters; a longer list is cut and ends ",+N". */
export const MAX_RULE_LENGTH = 200;

function joinRuleIds(ids: readonly string[]): string {
  const unique = [...new Set(ids)];
  const all = unique.join(",");
  if (all.length <= MAX_RULE_LENGTH) return all;
  const kept: string[] = [];
  let length = 0;
  for (const id of unique) {
    const next = length + (kept.length > 0 ? 1 : 0) + id.length;
    if (next > MAX_RULE_LENGTH - 8) break;
    kept.push(id);
    length = next;
  }
  return `${kept.join(",")},+${unique.length - kept.length}`;
}

/** True if a blank line lies between two sentences (a new paragraph breaks the context chain). */
function paragraphBreakBetween(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const ch = text[i];
    if (ch === "\n") {
      breaks += 1;
      if (breaks >= 2) return true;
    } else if (ch !== undefined && !/\s/.test(ch)) {
      breaks = 0;
    }
  }
  return false;
}

function classify(sentence: string): { tags: Set<Tag>; rules: string[] } {
  const tags = new Set<Tag>();
  const rules: string[] = [];
  for (const family of FAMILIES) {
    const fired = firingRules(sentence, family);
    if (fired.length > 0) {
      tags.add(family.tag);
      rules.push(...fired);
    }
  }
  return { tags, rules };
}

/**
 * Suggest tags for the sentences of `text`. Pure and total: never throws, returns spans sorted
 * by start, non-overlapping, within `[0, text.length]`, one per flagged sentence.
 */
export function detect(text: string): DetectedSpan[] {
  const sentences: SentenceSpan[] = splitSentences(text);
  const out: DetectedSpan[] = [];
  let previous: { end: number; immigration: boolean } | undefined;

  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const { tags, rules } = classify(body);

    const carries =
      previous !== undefined &&
      previous.immigration &&
      !tags.has("immigration") &&
      !paragraphBreakBetween(text, previous.end, sentence.start) &&
      CONTEXT_BACK_REFERENCE.test(body);
    if (carries) {
      tags.add("immigration");
      rules.unshift(CONTEXT_RULE_ID);
    }

    previous = { end: sentence.end, immigration: tags.has("immigration") };
    if (tags.size === 0) continue;
    out.push({
      start: sentence.start,
      end: sentence.end,
      tags: TAGS.filter((t) => tags.has(t)),
      rule: joinRuleIds(rules),
    });
  }
  return out;
}
