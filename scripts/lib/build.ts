import { BUILD_ENV } from "./build-env";
import { step } from "./run";

/** The production build: Next's, then the worker bundles `next start` loads (decision 060). */
export function buildApp(title = "Production build (next build)", env: Record<string, string> = BUILD_ENV): void {
  step(title, "next", ["build"], env);
  bundleWorkers();
}

/** Bundles the worker entries into `.next/workers/`; quick, so runs that reuse a build redo it. */
export function bundleWorkers(): void {
  step("Worker bundles (esbuild)", "tsx", ["scripts/build-workers.ts"]);
}
