import Link from "next/link";
import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { endUserSessionsAction, resetPasswordAction, updateUserAction } from "../actions";
import { agencyOptions } from "../agency-options";
import { EndSessionsForm, ResetPasswordForm, UserForm } from "../user-form";

export const metadata: Metadata = { title: "Change a user" };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [user, agencies] = await readOrRefuse(async () => {
    const api = await getServerApi();
    return Promise.all([api.admin.users.get({ id }), api.admin.agencies.list()]);
  });
  return (
    <div className="max-w-2xl">
      <Link href="/admin/users" className="mb-6 inline-block">Back to users</Link>
      <h1>Change {user.name}</h1>
      <UserForm action={updateUserAction} user={user} agencies={agencyOptions(agencies, user.agencyId)} submitLabel="Save changes" />
      <h2 className="mt-6">Reset the password</h2>
      <ResetPasswordForm action={resetPasswordAction} userId={user.id} />
      <h2 className="mt-6">Sessions</h2>
      <EndSessionsForm action={endUserSessionsAction} userId={user.id} />
    </div>
  );
}
