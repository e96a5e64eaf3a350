/** Session and sign-in limits (issue 2). Plain constants so tests and the UI quote the same numbers. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_DURATION_MS = 15 * 60 * 1000;
/** Per client address: this many failures within FAILURE_WINDOW_MS refuse further tries from it. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 20;
/** lastSeenAt is written at most this often, so a busy page does not write on every request. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;
/** Sensitive actions need an authenticator code checked within this long (decision 051). */
export const SECOND_FACTOR_FRESH_MS = 15 * 60 * 1000;
/** A session waiting for its authenticator code is ended if none comes within this long. */
export const SECOND_FACTOR_PENDING_MS = 10 * 60 * 1000;
