import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { delimiter, resolve } from "node:path";

/** The environment for child tools: local binaries on PATH, telemetry off. */
export function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PATH: `${resolve("node_modules/.bin")}${delimiter}${process.env.PATH ?? ""}`, ...extra };
}

/** Runs a step to completion with its output shown; exits the whole script if it fails. */
export function step(title: string, cmd: string, args: string[], extra: Record<string, string> = {}): void {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: "inherit", env: toolEnv(extra) });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (res.status !== 0) {
    console.error(`✖ ${title} failed after ${secs}s (exit ${res.status ?? res.signal ?? "?"}).`);
    process.exit(res.status ?? 1);
  }
  console.log(`✔ ${title} (${secs}s)`);
}

/** Starts a long-running child and passes Ctrl-C and termination on to it. */
export function serve(cmd: string, args: string[], extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(cmd, args, { stdio: "inherit", env: toolEnv(extra) });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
  return child;
}
