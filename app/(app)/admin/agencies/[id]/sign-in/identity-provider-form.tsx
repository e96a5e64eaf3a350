"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Textarea, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { proposeIdentityProviderAction, removeIdentityProviderAction } from "./actions";

const FIELDS = ["issuer", "clientId", "clientSecret", "allowedDomains"] as const;
type Current = { issuer: string; clientId: string; allowedDomains: string[] } | null;

export function IdentityProviderForm({ agencyId, current, callbackUrl }: { agencyId: string; current: Current; callbackUrl: string }) {
  const [state, formAction] = useActionState(proposeIdentityProviderAction, IDLE);
  const v = state.values;
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  return (
    <form action={formAction} noValidate key={JSON.stringify(v ?? {})}>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      <input type="hidden" name="agencyId" value={agencyId} />
      <TextInput
        id="issuer"
        label="Issuer URL"
        hint={<>From the agency&apos;s IT service. For Microsoft Entra ID it looks like https://login.microsoftonline.com/&lt;tenant id&gt;/v2.0</>}
        defaultValue={v?.issuer ?? current?.issuer}
        spellCheck={false}
        error={err("issuer")}
      />
      <TextInput id="clientId" label="Client ID" hint="Also called the application ID." defaultValue={v?.clientId ?? current?.clientId} spellCheck={false} error={err("clientId")} />
      <TextInput
        id="clientSecret"
        label="Client secret"
        type="password"
        autoComplete="off"
        hint={current ? "Enter it again, or the new one: it is stored sealed and never shown." : "It is stored sealed and never shown again."}
        error={err("clientSecret")}
      />
      <Textarea
        id="allowedDomains"
        label="Email domains it signs in"
        hint="Separate them with commas, for example northshire.police.uk. Only users you have added, with an email address in one of these domains, can sign in this way."
        rows={2}
        defaultValue={v?.allowedDomains ?? current?.allowedDomains.join(", ")}
        error={err("allowedDomains")}
      />
      <p className="mb-6">
        Give the agency&apos;s IT service this sign-in (redirect) address: <code className="break-all">{callbackUrl}</code>
      </p>
      <Button>Propose for a chair&apos;s approval</Button>
    </form>
  );
}

export function RemoveIdentityProviderForm({ agencyId }: { agencyId: string }) {
  const [state, formAction] = useActionState(removeIdentityProviderAction, IDLE);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summaryErrors([], state.fieldErrors, state.message)} />
      <input type="hidden" name="agencyId" value={agencyId} />
      <Button variant="warning">Switch off single sign-on</Button>
    </form>
  );
}
