import { PageShell } from "~/components/layout/page-shell";
import { PageNotFound } from "~/components/layout/problem-pages";
import { ServiceHeader } from "~/components/layout/service-header";

/** An address outside every layout: the page brings its own shell. Inside the app, (app)/not-found.tsx. */
export default function NotFound() {
  return (
    <PageShell header={<ServiceHeader />}>
      <PageNotFound />
    </PageShell>
  );
}
