// The import worker's entry (decision 064): plain JavaScript, so Node loads it as it is under
// `next start` as under tsx, and it loads the TypeScript worker through tsx (a runtime dependency).
import { tsImport } from "tsx/esm/api";

await tsImport("./import-worker.ts", import.meta.url);
