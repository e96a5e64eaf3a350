import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { providerIdFor } from "~/server/services/identity-providers";
import { IdentityProviderForm, RemoveIdentityProviderForm } from "./identity-provider-form";

export const metadata: Metadata = { title: "Single sign-on" };

const SAVED: Record<string, string> = {
  proposed: "A chair must approve this before the agency's users can sign in through it.",
  removed: "Single sign-on is off for this agency. Its users sign in with a password again, and anyone signed in through it has been signed out.",
};

/** An agency's own identity provider (decision 063): proposed here, approved by a chair. */
export default async function AgencySignInPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { id } = await params;
  const { saved } = await searchParams;
  const idp = await readOrRefuse(async () => (await getServerApi()).admin.agencies.identityProvider({ agencyId: id }));
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const callbackUrl = `${origin}/api/auth/callback/${providerIdFor(id)}`;
  return (
    <div className="max-w-2xl">
      {saved && SAVED[saved] ? <SuccessBanner>{SAVED[saved]}</SuccessBanner> : null}
      <Link href={`/admin/agencies/${id}`} className="mb-6 inline-block">Back to {idp.agencyName}</Link>
      <h1>Single sign-on for {idp.agencyName}</h1>
      <p className="mb-4">
        The agency&apos;s staff can sign in with their work account (OpenID Connect, for example Microsoft Entra ID) instead of a
        password. You still add each user and choose their role here: nobody gets an account or a role from the agency&apos;s
        system. Once it is on, the agency&apos;s users can no longer sign in with a password, and their second step (such as a
        code on their phone) is the agency&apos;s.
      </p>
      <h2>Now</h2>
      {idp.configured ? (
        <dl className="mb-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="font-bold">Issuer URL</dt>
          <dd className="break-all">{idp.configured.issuer}</dd>
          <dt className="font-bold">Client ID</dt>
          <dd className="break-all">{idp.configured.clientId}</dd>
          <dt className="font-bold">Email domains</dt>
          <dd>{idp.configured.allowedDomains.join(", ")}</dd>
          <dt className="font-bold">Approved</dt>
          <dd>{idp.configured.updatedAt.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" })}</dd>
        </dl>
      ) : (
        <p className="mb-6">Single sign-on is not set up: the agency&apos;s users sign in with a password.</p>
      )}
      {idp.pendingProposal ? (
        <p className="mb-6 border-l-8 border-border p-4">A change to this agency&apos;s single sign-on is waiting for a chair&apos;s approval.</p>
      ) : (
        <>
          <h2>{idp.configured ? "Change it" : "Set it up"}</h2>
          <IdentityProviderForm agencyId={id} current={idp.configured} callbackUrl={callbackUrl} />
        </>
      )}
      {idp.configured ? (
        <>
          <h2>Switch it off</h2>
          <p className="mb-4">This takes effect at once, without a chair&apos;s approval, and signs out anyone signed in through it.</p>
          <RemoveIdentityProviderForm agencyId={id} />
        </>
      ) : null}
    </div>
  );
}
