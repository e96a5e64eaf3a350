import Link from "next/link";
import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { createUserAction } from "../actions";
import { agencyOptions } from "../agency-options";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "Add a user" };

export default async function NewUserPage() {
  const agencies = await readOrRefuse(async () => (await getServerApi()).admin.agencies.list());
  return (
    <div className="max-w-2xl">
      <Link href="/admin/users" className="mb-6 inline-block">Back to users</Link>
      <h1>Add a user</h1>
      <UserForm action={createUserAction} agencies={agencyOptions(agencies)} submitLabel="Add user" />
    </div>
  );
}
