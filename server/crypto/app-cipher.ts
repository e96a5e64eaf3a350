import { env } from "~/env";
import { createFieldCipher, parseDataKey, type FieldCipher } from "./field-cipher";

let cipher: FieldCipher | undefined;

/** The cipher for this process, keyed by the validated DATA_KEY. */
export function getAppCipher(): FieldCipher {
  cipher ??= createFieldCipher(parseDataKey(env.DATA_KEY));
  return cipher;
}
