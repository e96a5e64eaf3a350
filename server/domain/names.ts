/**
 * Name normalisation for search (and, later, repeat matching): case, spacing, punctuation and
 * accents do not matter. "Zoë O'Brien-Smith" and "zoe obrien smith" give the same tokens.
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The distinct words of a normalised name, for a prefix index. */
export function nameTokens(name: string): string[] {
  const n = normaliseName(name);
  return n === "" ? [] : [...new Set(n.split(" "))];
}

/*
 * Name keys for repeat matching (issue 5). normaliseName already ignores case, spacing, punctuation
 * and accents; nameKey also folds common transliteration variants, so that a victim whose name has
 * been written down differently by different agencies is still found.
 *
 * Conservative on purpose. A false "same name" never decides anything by itself: a match also needs
 * the same date of birth, and a name-only match is only offered to a coordinator as "possible". But
 * every fold widens what counts as the same name, so each rule below merges only spellings that
 * differ by one well-known transliteration choice, and anything wider (a different first vowel, a
 * different language's form of a name) goes through the explicit table instead of a general rule.
 * Not folded, deliberately: translations (Katarzyna/Kateryna/Catherine), nicknames (Kate/Katarzyna),
 * initials (J Smith/Jane Smith), dropped or added words (Amina Bibi Begum/Amina Begum).
 */

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LETTER_MAP: Readonly<Record<string, string>> = {
  "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ŀ": "l",
};

/**
 * The spelling rules, applied in this order to each word (lower case, accents already removed).
 * Each is an alternative romanisation of one sound, seen in UK agency records:
 */
export const NAME_FOLD_RULES: readonly { readonly rule: string; readonly example: string; readonly apply: (word: string) => string }[] = [
  { rule: "ph is f", example: "Sophia / Sofia, Mustapha / Mustafa", apply: (w) => w.replace(/ph/g, "f") },
  { rule: "x is ks", example: "Alexandra / Aleksandra, Xenia / Ksenia", apply: (w) => w.replace(/x/g, "ks") },
  { rule: "oo and ou are u", example: "Noor / Nour / Nur, Youssef / Yussef", apply: (w) => w.replace(/oo|ou/g, "u") },
  { rule: "ee is i", example: "Shireen / Shirin, Nadeem / Nadim, Saeed / Said", apply: (w) => w.replace(/ee/g, "i") },
  { rule: "y is i", example: "Katarzyna / Katarzina, Iryna / Irina, Nataliya / Natalia", apply: (w) => w.replace(/y/g, "i") },
  { rule: "a doubled letter is one letter", example: "Mohammed / Mohamed, Hannah / Hanah, Yuliia / Yulia", apply: (w) => w.replace(/(\p{L})\1+/gu, "$1") },
  { rule: "a final h after a vowel is silent", example: "Sarah / Sara, Aishah / Aisha, Fatimah / Fatima", apply: (w) => w.replace(/([aeiou])h$/, "$1") },
];

/**
 * Known variants of the same name that the rules above do not fold (a different vowel, a different
 * first letter). Each group is one name; the first spelling is the group's key. Spellings that the
 * rules already fold together (Youssef/Yousef) are listed anyway, for the reader.
 */
export const NAME_VARIANT_GROUPS: readonly (readonly string[])[] = [
  // Arabic, Urdu, Bengali and Somali names as written in the UK.
  ["muhammad", "mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "muhamad", "mohamud", "mohd"],
  ["ahmed", "ahmad"],
  ["akhtar", "akhter", "akter", "aktar"],
  ["begum", "begom"],
  ["khatun", "khatoon", "khaton"],
  ["yusuf", "yousef", "youssef", "yousuf", "yusef", "yussuf"],
  ["hussain", "hussein", "husain", "hossain", "husein"],
  ["rahman", "rehman"],
  ["abdul", "abdel", "abdool"],
  ["mustafa", "mostafa", "moustafa", "mustapha"],
  ["aisha", "ayesha", "ayisha", "aysha"],
  ["fatima", "fatema", "fatimah"],
  // Ukrainian and Russian forms of one name, and their romanisations.
  ["olena", "elena", "alena", "yelena"],
  ["oleksandra", "aleksandra", "alexandra"],
  ["oleksandr", "aleksandr", "alexander", "aleksander", "alexandr"],
  ["kateryna", "katerina", "ekaterina", "yekaterina"],
  ["tetiana", "tatiana", "tetyana", "tatyana"],
  ["svitlana", "svetlana"],
  ["yulia", "yuliia", "iuliia", "yuliya"],
];

const foldWord = (word: string): string => {
  let w = [...word].map((ch) => LETTER_MAP[ch] ?? ch).join("");
  for (const { apply } of NAME_FOLD_RULES) w = apply(w);
  return w;
};

/** Folded spelling -> the folded key of its group. Built once, from the readable table above. */
const VARIANT_KEYS: ReadonlyMap<string, string> = new Map(
  NAME_VARIANT_GROUPS.flatMap((group) => {
    const key = foldWord(group[0] ?? "");
    return group.map((spelling) => [foldWord(spelling), key] as const);
  }),
);

/** One word of a name, folded: the rules, then the table. */
export function nameWordKey(word: string): string {
  const folded = foldWord(word);
  return VARIANT_KEYS.get(folded) ?? folded;
}

/** The folded words of a name, in written order. */
function nameWordKeys(name: string): string[] {
  const n = normaliseName(name);
  return n === "" ? [] : n.split(" ").map(nameWordKey);
}

/**
 * The matching key of a name: normaliseName, then each word folded (NAME_FOLD_RULES, then
 * NAME_VARIANT_GROUPS), then the words joined without spaces, so that "Al-Hassan", "Al Hassan" and
 * "Alhassan" agree. "Mohammed  O'Brien" and "MUHAMMAD OBRIEN" have the same key. Empty for a name
 * with no letters or digits.
 */
export function nameKey(name: string): string {
  return nameWordKeys(name).join("");
}

/**
 * Whether two names are the same name for repeat matching: the same nameKey, or the same folded
 * words in another order ("SMITH Jane" as police systems write it, and "Jane Smith"). A name
 * without letters or digits matches nothing.
 */
export function sameName(a: string, b: string): boolean {
  const ka = nameWordKeys(a);
  const kb = nameWordKeys(b);
  if (ka.length === 0 || kb.length === 0) return false;
  if (ka.join("") === kb.join("")) return true;
  return ka.length === kb.length && [...ka].sort().join(" ") === [...kb].sort().join(" ");
}

/**
 * Index tokens for finding repeat-match candidates in storage: each word's folded key, plus the
 * whole name's key (so "Al Hassan" and "Alhassan" share one). Two names that sameName() accepts
 * always share at least one token, so a lookup by these tokens (or by date of birth) never misses
 * a candidate the matcher would accept.
 */
export function nameKeyTokens(name: string): string[] {
  const words = nameWordKeys(name);
  return words.length === 0 ? [] : [...new Set([...words, words.join("")])];
}
