/**
 * Digests of everything the detector computes on fixed texts: sentence spans, rule firings and
 * the model's exact scores, and `detect`'s spans (rule lists and explanations included). The
 * output test in server/domain/detector compares them with committed values, so a speed-up that
 * changes any output, by so much as one bit of a score, fails. Texts: every training and holdout
 * sentence, each training document as a narrative, the bench narratives and seeded random texts.
 */
import { createHash } from "node:crypto";
import { detect, splitSentences } from "../../server/domain/detector";
import { analyse } from "../../server/domain/detector/detect";
import { MODEL } from "../../server/domain/detector/model";
import { mulberry32 } from "../../server/domain/random";
import { benchNarratives } from "./bench-narratives";
import { HOLDOUT_PATH, loadCorpus, loadTrainingCorpus, trainingFiles } from "./detect-corpus";

const PIECES = [
  "Her spouse visa expires in June", "he paid with his Visa card", "She is on annual leave", "leave to remain",
  "the Home Office", "Home Office funded", "HO", "IE", "ILR", "asylum", "asylym", "her claim", "The claim was refused",
  "It was refused", "her status", "NRPF", "no recourse to public funds", "deported", "07700 900123", "LS6 2QT",
  "a@b.org", "14 Elm Road", "Flat 4", "pregnant", "sertraline", "came over as his wife", "told the Home Office",
  "no papers", "sponsor", "charity sponsor", "settled status", "Mr. Smith", "e.g. the police", "No. 5", "J. Smith",
  "Dr", "approx. 3", "12.30", "the mum's application", "Zoë", "Zoe\u0308", "naïve", "İstanbul", "日本語", "🙂", "ß",
  "Police attended", "she was scared", "the children are at school", "(a)", "- ", "• ", "1. ", "2)", "…", "?!", "'", "”",
  "\u2028", "\u00a0", "x".repeat(40), "0".repeat(12), "ANTENATAL", "Mental Health Act", "detox", "Yarl's Wood",
];
const JOINERS = [" ", " ", " ", ". ", ". ", ", ", "\n", "\n\n", "\r\n", "! ", "? ", "... ", " - ", ".\n- ", "\t"];

/** Seeded texts of 1 to 40 pieces with assorted punctuation and line breaks. */
export function randomTexts(count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, () => {
    let text = "";
    const pieces = 1 + Math.floor(random() * 40);
    for (let i = 0; i < pieces; i += 1) text += pick(PIECES) + pick(JOINERS);
    return random() < 0.5 ? text : text.trimEnd();
  });
}

export function digestTextSets(): Record<string, readonly string[]> {
  const training = loadTrainingCorpus(trainingFiles());
  const docs = new Map<string, string[]>();
  for (const s of training) docs.set(s.doc, [...(docs.get(s.doc) ?? []), s.text]);
  return {
    training: training.map((s) => s.text),
    documents: [...docs.values()].map((texts) => texts.join(" ")),
    holdout: loadCorpus(HOLDOUT_PATH).map((s) => s.text),
    bench: benchNarratives(200),
    random: randomTexts(3_000, 20_261_129),
  };
}

/** Per text set and stage, a sha256 (hex, first 16 characters) of what the detector returns. */
export function detectorDigests(sets = digestTextSets()): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, texts] of Object.entries(sets)) {
    const sentences = createHash("sha256");
    const analysis = createHash("sha256");
    const spans = createHash("sha256");
    for (const text of texts) {
      sentences.update(`${JSON.stringify(splitSentences(text))}\n`);
      for (const a of analyse(text, MODEL)) {
        const scores = Buffer.from(a.scores.buffer, a.scores.byteOffset, a.scores.byteLength).toString("hex");
        analysis.update(`${a.start},${a.end},${[...a.ruleTags].join("+")},${a.rules.join("+")},${scores}\n`);
      }
      spans.update(`${JSON.stringify(detect(text))}\n`);
    }
    out[`${name} sentences`] = sentences.digest("hex").slice(0, 16);
    out[`${name} rules and scores`] = analysis.digest("hex").slice(0, 16);
    out[`${name} spans`] = spans.digest("hex").slice(0, 16);
  }
  return out;
}
