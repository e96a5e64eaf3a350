import { SingleBar, Presets } from "cli-progress";
import type { ImportProgress } from "../../server/services/case-import";

/**
 * Progress for `npm run import`: a bar (cli-progress) on a terminal; elsewhere (logs, CI, a pipe)
 * a plain line every tenth of the file, so the output stays readable. Both on stderr, leaving
 * stdout to the summary.
 */
export function importProgress(stream: NodeJS.WriteStream = process.stderr): { update: (p: ImportProgress) => void; stop: () => void } {
  if (stream.isTTY) {
    const bar = new SingleBar({ stream, format: "Saving referrals [{bar}] {percentage}% | {value} of {total}", hideCursor: true }, Presets.shades_classic);
    let started = false;
    return {
      update: ({ done, total }) => {
        if (!started) bar.start(total, done);
        started = true;
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let nextLine = 0;
  return {
    update: ({ done, total }) => {
      if (done < nextLine && done < total) return;
      stream.write(`Saving referrals: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}\n`);
      nextLine = done + Math.max(1, Math.ceil(total / 10));
    },
    stop: () => undefined,
  };
}
