import { ensureDemoSecrets } from "./lib/demo-secrets";
import { databaseUrl, openMigrated, printDemoSignIns, sealLegacy, seedIfEmpty } from "./lib/database";
import { buildApp } from "./lib/build";
import { serve } from "./lib/run";

// `npm start`: migrate, seed the demo area into an empty database, build, serve.
ensureDemoSecrets();
const port = process.env.PORT ?? "3000";

const db = openMigrated();
console.log(`Database ${databaseUrl()}: migrations applied.`);
sealLegacy(db);
if (await seedIfEmpty(db)) console.log("Seeded the Northshire MARAC demo area (first run).");

buildApp("Building MARAC Desk", {});
printDemoSignIns(db, `http://localhost:${port}`);
db.$client.close();

serve("next", ["start", "--port", port]);
