/**
 * Finds which of a fixed set of lowercase ASCII strings occur in a text, in one left-to-right
 * pass (an Aho-Corasick automaton compiled to a table). The answer is exactly `text.includes(k)`
 * for every keyword `k`, overlapping occurrences included, so the rules' `requires` prefilter can
 * be answered for every rule at once instead of one `includes` per rule and keyword.
 */
const ALPHABET = 128;

export class KeywordScanner {
  readonly keywords: readonly string[];
  /** state * ALPHABET + code -> next state (every transition resolved, failure links folded in). */
  private readonly next: Int32Array;
  /** Per state, the keywords that end there (its own and those of its failure chain). */
  private readonly outputs: readonly (readonly number[])[];
  /** Per state, 1 if some keyword ends there (a typed-array test on the hot path). */
  private readonly ends: Uint8Array;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords;
    const goto: number[][] = [[]];
    const own: number[][] = [[]];
    keywords.forEach((keyword, id) => {
      if (keyword === "" || [...keyword].some((c) => c.charCodeAt(0) >= ALPHABET) || keyword !== keyword.toLowerCase()) {
        throw new Error(`Keyword "${keyword}" must be non-empty lowercase ASCII.`);
      }
      let state = 0;
      for (const c of keyword) {
        const code = c.charCodeAt(0);
        let to = goto[state]?.[code];
        if (to === undefined) {
          to = goto.length;
          goto.push([]);
          own.push([]);
          (goto[state] as number[])[code] = to;
        }
        state = to;
      }
      own[state]?.push(id);
    });

    const states = goto.length;
    const next = new Int32Array(states * ALPHABET);
    const fail = new Int32Array(states);
    const outputs: number[][] = own.map((o) => [...o]);
    // Breadth-first: a state's failure target is shallower, so it is complete when used.
    const queue: number[] = [];
    for (let code = 0; code < ALPHABET; code += 1) {
      const to = goto[0]?.[code];
      if (to !== undefined) {
        next[code] = to;
        queue.push(to);
      }
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head] ?? 0;
      outputs[state]?.push(...(outputs[fail[state] ?? 0] ?? []));
      for (let code = 0; code < ALPHABET; code += 1) {
        const to = goto[state]?.[code];
        const viaFail = next[(fail[state] ?? 0) * ALPHABET + code] ?? 0;
        if (to === undefined) {
          next[state * ALPHABET + code] = viaFail;
        } else {
          next[state * ALPHABET + code] = to;
          fail[to] = viaFail;
          queue.push(to);
        }
      }
    }
    this.next = next;
    this.outputs = outputs;
    this.ends = Uint8Array.from(outputs, (o) => (o.length > 0 ? 1 : 0));
  }

  /** Sets `present[k]` to 1 for every keyword `k` that occurs in `text` (others to 0). */
  scan(text: string, present: Uint8Array): void {
    present.fill(0);
    const { next, ends } = this;
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      // No keyword contains a non-ASCII character: such a character ends every partial match.
      state = code < ALPHABET ? (next[state * ALPHABET + code] ?? 0) : 0;
      if (ends[state] === 1) for (const k of this.outputs[state] ?? []) present[k] = 1;
    }
  }
}
