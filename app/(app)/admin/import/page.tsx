import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import referrals" };

export default async function ImportPage() {
  // The admin rung: anyone else gets the 403 page here rather than a form that would be refused.
  await readOrRefuse(async () => (await getServerApi()).admin.settings.get());
  return (
    <div className="max-w-3xl">
      <h1>Import referrals</h1>
      <p className="mb-6">
        Upload referrals exported from another system. You will see the case numbers created, not the cases: as an administrator you do not
        see case content.
      </p>
      <ImportForm />
    </div>
  );
}
