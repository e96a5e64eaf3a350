import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** A new password: long enough, not absurdly long (hashing cost), not a well-known one. */
export const ZNewPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Password must be ${MIN_PASSWORD_LENGTH} characters or more` })
  .max(MAX_PASSWORD_LENGTH, { error: `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer` })
  .refine((p) => !isCommonPassword(p), {
    error: "This password is too common. Choose a password that is harder to guess",
  })
  .refine((p) => new Set(p).size > 3, { error: "Password must not repeat the same few characters" });
