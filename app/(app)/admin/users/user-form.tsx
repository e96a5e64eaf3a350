"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Select, TextInput, YesNo } from "~/components/ui/fields";
import { IDLE, type FormState } from "~/components/ui/form-state";
import { ROLE_LABELS, ROLES } from "~/server/domain/roles";

type User = { id: string; version: number; name: string; email: string; agencyId: string; role: string; active: boolean };
type Option = { value: string; label: string };
const FIELDS = ["name", "email", "agencyId", "role", "active", "password"] as const;

export function UserForm({ action, user, agencies, submitLabel }: {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  user?: User;
  agencies: Option[];
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = state.values;
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  const active = v?.active === "yes" ? true : v?.active === "no" ? false : (user?.active ?? true);
  return (
    <form action={formAction} noValidate key={JSON.stringify(v ?? {})}>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      {user ? (
        <>
          <input type="hidden" name="id" value={user.id} />
          <input type="hidden" name="version" value={user.version} />
        </>
      ) : null}
      <TextInput id="name" label="Full name" autoComplete="off" defaultValue={v?.name ?? user?.name} error={err("name")} />
      <TextInput id="email" label="Email address" type="email" autoComplete="off" spellCheck={false} defaultValue={v?.email ?? user?.email} error={err("email")} />
      <Select id="agencyId" label="Agency" defaultValue={v?.agencyId ?? user?.agencyId} options={agencies} error={err("agencyId")} />
      <Select
        id="role"
        label="Role"
        hint="Chairs and coordinators see every case in full. IDVAs must belong to the IDVA service. Admins see no case content."
        defaultValue={v?.role ?? user?.role}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        error={err("role")}
      />
      <YesNo id="active" label="Can this user sign in?" hint="Choosing no signs them out at once." defaultValue={active} error={err("active")} />
      {user ? null : (
        <TextInput
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Give it to the user in person or by a secure route; they can change it after signing in."
          error={err("password")}
        />
      )}
      <Button>{submitLabel}</Button>
    </form>
  );
}

export function ResetPasswordForm({ action, userId }: { action: (s: FormState, f: FormData) => Promise<FormState>; userId: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summaryErrors(["password"], state.fieldErrors, state.message).map((e) => ({ ...e, field: "new-password" }))} />
      <input type="hidden" name="id" value={userId} />
      <TextInput
        id="new-password"
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. The user is signed out everywhere."
        error={state.fieldErrors?.password?.[0]}
      />
      <Button variant="secondary">Set new password</Button>
    </form>
  );
}
