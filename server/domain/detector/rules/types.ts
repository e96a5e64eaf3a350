import type { Tag } from "../../tags";

/**
 * A detector rule: if `pattern` matches a sentence (after the family's guards have blanked out
 * false friends) and `unless` does not, the sentence gets `tag` and the span names `id`.
 *
 * Patterns must stay linear on long input: no nested quantifiers, and every "any characters"
 * gap is bounded (`[^.]{0,40}`), so a 100 KB sentence costs a few passes, not a square.
 */
export interface Rule {
  readonly id: string;
  readonly tag: Tag;
  /** What language the rule covers, in plain English, for reviewers. */
  readonly description: string;
  readonly pattern: RegExp;
  /** A sentence-level condition that stops this one rule firing (its own false friends). */
  readonly unless?: RegExp;
  /**
   * Speed only: lowercase strings of which every match of `pattern` contains at least one. The
   * pattern is not run on a sentence that contains none (a test checks the promise on the corpora).
   */
  readonly requires?: readonly string[];
  /**
   * Speed only, for case-sensitive patterns: strings as written, of which every match contains at
   * least one (checked on the sentence itself, so "HO" is not found in "shouting").
   */
  readonly requiresCased?: readonly string[];
}

/**
 * A guard blanks out a false-friend phrase ("Visa card", "annual leave", "Home Office funded")
 * before the family's rules run, so that the phrase cannot trigger them while the rest of the
 * sentence still can ("She paid with her Visa card; her spouse visa expires in May" is flagged).
 */
export interface Guard {
  readonly id: string;
  readonly description: string;
  /** Must have the global flag. */
  readonly pattern: RegExp;
  /** As `Rule.requires`: the guard is skipped on a sentence that contains none of these. */
  readonly requires?: readonly string[];
  /** As `Rule.requiresCased`. */
  readonly requiresCased?: readonly string[];
}

/** False only when `lower` (or the sentence, for `requiresCased`) contains none of `requires` (so the pattern cannot match). */
export function mayMatch(lower: string, requires: readonly string[] | undefined): boolean {
  if (requires === undefined) return true;
  for (const r of requires) if (lower.includes(r)) return true;
  return false;
}

export interface RuleFamily {
  readonly tag: Tag;
  readonly rules: readonly Rule[];
  readonly guards: readonly Guard[];
}

/** Replace every guard match with spaces of the same length (offsets are preserved). */
export function applyGuards(sentence: string, guards: readonly Guard[], lower = sentence.toLowerCase()): string {
  let out = sentence;
  for (const guard of guards) {
    if (mayMatch(lower, guard.requires) && mayMatch(sentence, guard.requiresCased)) out = out.replace(guard.pattern, (m) => " ".repeat(m.length));
  }
  return out;
}

/** The ids of the rules of `family` that fire on `sentence`, in table order. */
export function firingRules(sentence: string, family: RuleFamily): string[] {
  const lower = sentence.toLowerCase();
  const masked = applyGuards(sentence, family.guards, lower);
  const fired: string[] = [];
  for (const rule of family.rules) {
    if (mayMatch(lower, rule.requires) && mayMatch(sentence, rule.requiresCased) && rule.pattern.test(masked) && !(rule.unless?.test(masked) ?? false)) fired.push(rule.id);
  }
  return fired;
}
