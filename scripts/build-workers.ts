import { build } from "esbuild";
import { WORKER_ENTRIES } from "../server/workers/entries";
import { workerBundlePath } from "../server/workers/pool";

/**
 * After `next build` (which empties `.next/`): bundles each worker entry into one ES module under
 * `.next/workers/`, which `next start` loads with plain node (decision 060). Packages stay
 * imports, resolved from node_modules at run time exactly as the server resolves them.
 */
for (const entry of WORKER_ENTRIES) {
  await build({
    entryPoints: [entry.source],
    outfile: workerBundlePath(entry),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
  });
  console.log(`Worker bundle ${workerBundlePath(entry)} (from ${entry.source})`);
}
