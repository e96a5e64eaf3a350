import { ensureDemoSecrets } from "./lib/demo-secrets";
import { openMigrated, seedIfEmpty } from "./lib/database";
import { serve } from "./lib/run";

// `npm run dev`: the same database steps as `npm start`, then the development server.
ensureDemoSecrets();
const db = openMigrated();
await seedIfEmpty(db);
db.$client.close();
serve("next", ["dev", "--port", process.env.PORT ?? "3000"]);
