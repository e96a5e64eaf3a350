import Link from "next/link";
import { PageShell } from "~/components/layout/page-shell";
import { ServiceHeader } from "~/components/layout/service-header";

export default function Forbidden() {
  return (
    <PageShell header={<ServiceHeader />}>
      <h1>You do not have permission to see this page</h1>
      <p className="mb-4">Your role does not include this part of MARAC Desk.</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </PageShell>
  );
}
