import { buildApp } from "./lib/build";

// `npm run build`: Next's production build with placeholder secrets (scripts/lib/build-env.ts), then the worker bundles.
buildApp();
