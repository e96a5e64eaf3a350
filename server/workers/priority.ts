import { setPriority } from "node:os";
import { isMainThread } from "node:worker_threads";

/**
 * Lowers the priority of the worker thread that calls it. Linux keeps the nice value per thread
 * (setpriority(2), NOTES), so pid 0 lowers only this thread: when it competes for a core, the
 * server thread answering pages wins. Elsewhere it may apply to the whole process, or be refused;
 * the work is correct either way, so a failure is ignored.
 */
export function lowerThisThreadsPriority(): void {
  if (isMainThread || process.platform !== "linux") return;
  try {
    setPriority(0, 10);
  } catch {
    // Not permitted here: the worker runs at the server's priority.
  }
}
