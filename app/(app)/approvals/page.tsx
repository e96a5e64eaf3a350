import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { getCurrentUser } from "~/server/auth";
import { ApprovalsPanel } from "./approvals-panel";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const [changes, me] = await Promise.all([readOrRefuse(async () => (await getServerApi()).approvals.list()), getCurrentUser()]);
  return (
    <div className="max-w-3xl">
      <h1>Changes waiting for your approval</h1>
      <p className="mb-6">
        An admin has proposed these changes. Each widens what someone can see, so it takes a second person: check it with the person
        who asked for it before you approve. Approving a new user or a password reset shows you a one-time password to give them.
      </p>
      <ApprovalsPanel changes={changes} myId={me?.id ?? ""} />
    </div>
  );
}
