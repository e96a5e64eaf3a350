import Link from "next/link";
import { PageShell } from "~/components/layout/page-shell";
import { ServiceHeader } from "~/components/layout/service-header";

export default function NotFound() {
  return (
    <PageShell header={<ServiceHeader />}>
      <h1>Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </PageShell>
  );
}
