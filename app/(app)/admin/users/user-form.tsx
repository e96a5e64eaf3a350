"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Select, TextInput, YesNo } from "~/components/ui/fields";
import { IDLE, type FormState } from "~/components/ui/form-state";
import { ROLE_LABELS, ROLES } from "~/server/domain/roles";

type User = { id: string; version: number; name: string; email: string; agencyId: string; role: string; active: boolean };
type Option = { value: string; label: string };
const FIELDS = ["name", "email", "agencyId", "role", "active"] as const;

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
        hint="Chairs and coordinators see every case in full. IDVAs must belong to the IDVA service. Admins see no case content. A chair must approve a new user and any change of role or agency."
        defaultValue={v?.role ?? user?.role}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        error={err("role")}
      />
      {user ? (
        <YesNo id="active" label="Can this user sign in?" hint="Choosing no signs them out at once." defaultValue={active} error={err("active")} />
      ) : (
        <p className="mb-6">
          A chair must approve this new user. The chair who approves gets a one-time password to give the user, who must choose
          their own when they first sign in. You never see it.
        </p>
      )}
      <Button>{submitLabel}</Button>
    </form>
  );
}

/** Asks a chair to reset the password: the admin never chooses or sees the new one. */
export function ResetPasswordForm({ action, userId }: { action: (s: FormState, f: FormData) => Promise<FormState>; userId: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summaryErrors([], state.fieldErrors, state.message)} />
      <input type="hidden" name="id" value={userId} />
      <p className="mb-4">
        A chair must approve a password reset. The chair who approves gets a one-time password to give the user; it works once, and
        the user must then choose their own. They are signed out everywhere when it is approved.
      </p>
      <Button variant="secondary">Ask a chair to reset the password</Button>
    </form>
  );
}

/** Ends every session of the user at once (a lost laptop, a suspected break-in). */
export function EndSessionsForm({ action, userId }: { action: (s: FormState, f: FormData) => Promise<FormState>; userId: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} noValidate>
      {state.status === "success" ? (
        <p className="mb-4 border-l-8 border-success p-4 font-bold" role="status">{state.message}</p>
      ) : (
        <ErrorSummary errors={summaryErrors([], state.fieldErrors, state.message)} />
      )}
      <input type="hidden" name="id" value={userId} />
      <p className="mb-4">Signs the user out in every browser now. They can sign in again with their password.</p>
      <Button variant="secondary">End all sessions</Button>
    </form>
  );
}
