import { TAGS, type Tag } from "../tags";
import { HEALTH_FAMILY } from "./rules/health";
import { IMMIGRATION_FAMILY } from "./rules/immigration";
import { SAFE_CONTACT_FAMILY } from "./rules/safe-contact";
import { RuleRunner } from "./rules/run-rules";
import type { RuleFamily } from "./rules/types";
import { MODEL, type LinearModel, MODEL_TAGS, type ModelTag, scoreSentence, strongestNgrams, type Thresholds } from "./model";
import { splitSentences } from "./sentences";

/**
 * One flagged sentence. `start`/`end` are UTF-16 offsets into the input string (so
 * `text.slice(start, end)` is the sentence); `tags` are in `TAGS` order; `rule` is the
 * comma-joined list (no spaces) of every rule id that fired on the sentence: "imm.context" first
 * if the context rule applied, then immigration, safe-contact and health rules, each in
 * rule-table order, e.g. "imm.visa,imm.sponsor-dependence", then one entry per tag set by the
 * statistical model alone, naming its score and strongest n-grams for this sentence:
 * `model:immigration 0.93 "_asyl" "leave to"` (at most 200 characters; a longer list is cut and
 * ends ",+N"). `uncertain` is true when a tag rests only on a model score in the uncertain band:
 * the sentence is withheld all the same, and a reviewer should check it.
 */
export interface DetectedSpan {
  start: number;
  end: number;
  tags: Tag[];
  rule: string;
  uncertain?: boolean;
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
  /\b(?:(?:the|this|that|these|her|his|their|its|(?:the\s+)?(?:family|mum|mother|dad|father|victim|perp|perpetrator|children|child)['’]s)\s+(?:(?:fresh|new|first|second|latest|current|pending|outstanding|further|initial|original|joint|subsequent|renewed|recent|last)\s+)?(?:claims?|applications?|appeals?|decisions?|refusals?|requests?|submissions?|renewal|extension|interview|outcome|hearing|tribunal|grant|papers|paperwork|documents|caseworker|sponsor|leave)|(?:it|this|that|they)\s+(?:was|were|has\s+been|had\s+been|have\s+been|is|are)\s+(?:(?:now|then|later|since|subsequently|already)\s+)?(?:refused|granted|rejected|dismissed|withdrawn|curtailed|approved|allowed|successful|unsuccessful|pending|outstanding|lodged|submitted))\b/i;

/** `Span.rule` is stored with at most 200 characters; a longer list is cut and ends ",+N". */
export const MAX_RULE_LENGTH = 200;

function joinRuleIds(ids: readonly string[]): string {
  const only = ids.length === 1 ? ids[0] : undefined;
  if (only !== undefined && only.length <= MAX_RULE_LENGTH) return only; // the common case, without a Set
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

const WHITESPACE = /\s/;

/** `/\s/` on text[i], with an ASCII fast path. */
function isWhitespaceCode(code: number, text: string, i: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITESPACE.test(text.charAt(i));
}

/** True if a blank line lies between two sentences (a new paragraph breaks the context chain). */
function paragraphBreakBetween(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      breaks += 1;
      if (breaks >= 2) return true;
    } else if (!isWhitespaceCode(code, text, i)) {
      breaks = 0;
    }
  }
  return false;
}

/** One sentence with what the rules and the model said about it, before context and thresholds. */
export interface SentenceAnalysis {
  readonly start: number;
  readonly end: number;
  readonly ruleTags: ReadonlySet<Tag>;
  readonly rules: readonly string[];
  /** Model probabilities in MODEL_TAGS order. */
  readonly scores: Float64Array;
}

const RULES = new RuleRunner(FAMILIES);

/** Rules and model scores for every sentence of `text`. */
export function analyse(text: string, model: LinearModel): SentenceAnalysis[] {
  return splitSentences(text).map(({ start, end }) => {
    const body = text.slice(start, end);
    const lower = body.toLowerCase(); // shared by the rules' prefilter and the model's features
    const { tags, rules } = RULES.run(body, lower);
    const scores = new Float64Array(MODEL_TAGS.length);
    scoreSentence(model, body, scores, lower);
    return { start, end, ruleTags: tags, rules, scores };
  });
}

const EXPLAINED_NGRAMS = 3;

function modelSource(model: LinearModel | undefined, body: string, tag: ModelTag, score: number): string {
  const grams = model === undefined ? [] : strongestNgrams(model, body, tag, EXPLAINED_NGRAMS);
  const quoted = grams.map((g) => `"${g.slice(0, 30)}"`).join(" ");
  return `model:${tag} ${score.toFixed(2)}${quoted === "" ? "" : ` ${quoted}`}`;
}

/**
 * Turns analysed sentences into spans: a tag is set if a rule fired for it or its model score is
 * at least the tag's `low` threshold (below `high`, the span is marked uncertain). Then context:
 * a sentence straight after an immigration sentence in the same paragraph is immigration if it
 * refers back to it (CONTEXT_BACK_REFERENCE) or its immigration score reaches `context`.
 * `explainWith` supplies the model whose n-grams name the source; without it only scores are named.
 */
export function combine(
  text: string,
  sentences: readonly SentenceAnalysis[],
  thresholds: Thresholds,
  explainWith?: LinearModel,
): DetectedSpan[] {
  const out: DetectedSpan[] = [];
  let previous: { end: number; immigration: boolean } | undefined;

  for (const sentence of sentences) {
    const tags = new Set<Tag>(sentence.ruleTags);
    const rules = [...sentence.rules];
    const modelTags: ModelTag[] = [];
    let uncertain = false;
    for (let index = 0; index < MODEL_TAGS.length; index += 1) {
      const tag = MODEL_TAGS[index] as ModelTag;
      const score = sentence.scores[index] ?? 0;
      const band = thresholds.tags[tag];
      if (tags.has(tag) || score < band.low) continue;
      tags.add(tag);
      modelTags.push(tag);
      if (score < band.high) uncertain = true;
    }

    const inContext =
      previous !== undefined &&
      previous.immigration &&
      !tags.has("immigration") &&
      !paragraphBreakBetween(text, previous.end, sentence.start);
    const body = inContext || modelTags.length > 0 ? text.slice(sentence.start, sentence.end) : "";
    if (inContext) {
      const score = sentence.scores[0] ?? 0;
      if (CONTEXT_BACK_REFERENCE.test(body)) {
        tags.add("immigration");
        rules.unshift(CONTEXT_RULE_ID);
      } else if (score >= thresholds.context) {
        tags.add("immigration");
        rules.unshift(CONTEXT_RULE_ID);
        modelTags.unshift("immigration");
        if (score < thresholds.tags.immigration.high) uncertain = true;
      }
    }
    for (const tag of modelTags) {
      rules.push(modelSource(explainWith, body, tag, sentence.scores[MODEL_TAGS.indexOf(tag)] ?? 0));
    }

    previous = { end: sentence.end, immigration: tags.has("immigration") };
    if (tags.size === 0) continue;
    out.push({
      start: sentence.start,
      end: sentence.end,
      tags: TAGS.filter((t) => tags.has(t)),
      rule: joinRuleIds(rules),
      ...(uncertain ? { uncertain: true } : {}),
    });
  }
  return out;
}

/** `detect` with a given model (training and cross-validation use their own). */
export function detectWith(text: string, model: LinearModel): DetectedSpan[] {
  return combine(text, analyse(text, model), model.thresholds, model);
}

/**
 * Suggest tags for the sentences of `text`: the explainable rules, plus the committed statistical
 * model (model/weights.json). Pure and total: never throws, returns spans sorted by start,
 * non-overlapping, within `[0, text.length]`, one per flagged sentence.
 */
export function detect(text: string): DetectedSpan[] {
  return detectWith(text, MODEL);
}
