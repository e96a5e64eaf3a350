import { ensureDemoSecrets } from "./lib/demo-secrets";
import { databaseUrl, openMigrated, seedIfEmpty } from "./lib/database";

ensureDemoSecrets();
const db = openMigrated();
const seeded = await seedIfEmpty(db);
console.log(seeded ? `Seeded the Northshire MARAC demo area into ${databaseUrl()}.` : `${databaseUrl()} already has data; nothing seeded.`);
db.$client.close();
