import { databaseUrl, openMigrated } from "./lib/database";

openMigrated().$client.close();
console.log(`Migrations applied to ${databaseUrl()}.`);
