// The import worker's entry in tests and `next dev` (decision 064): plain JavaScript, which loads
// the TypeScript worker through tsx. `next start` runs the bundle the build writes instead.
import { tsImport } from "tsx/esm/api";

await tsImport("./import-worker.ts", import.meta.url);
