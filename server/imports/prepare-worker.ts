import { move } from "piscina";
import { prepareCase, type PlannedCase, type PreparedCase } from "~/server/cases/bulk-intake";
import type { IntakeOptions } from "~/server/cases/intake";
import { getAppCipher } from "~/server/crypto/app-cipher";
import { lowerThisThreadsPriority } from "~/server/workers/priority";

/**
 * A thread of the import's preparing pool (decision 081): detector suggestions, scoring, repeat
 * matching against the candidates the plan found, and sealing, for a batch of planned referrals.
 * No database: the import's own thread writes. The prepared cases go back as one transferred
 * buffer of JSON (off the heap, so 50,000 of them fit; each holds only sealed values and plain
 * columns).
 */
export type PrepareTask = {
  cases: PlannedCase[];
  opts: Omit<IntakeOptions, "referringAgencyId">;
  /** In the server: the server thread answering pages wins a core over this one. */
  lowPriority: boolean;
};

export default function prepareTask(task: PrepareTask): unknown {
  if (task.lowPriority) lowerThisThreadsPriority();
  const cipher = getAppCipher();
  const prepared: PreparedCase[] = task.cases.map((planned) => prepareCase(cipher, planned, task.opts));
  const bytes = Buffer.from(JSON.stringify(prepared), "utf8");
  // A Buffer may be a view into a larger shared pool: give the worker's result a buffer of its own.
  return move(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
