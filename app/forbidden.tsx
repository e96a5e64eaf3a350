import { PageShell } from "~/components/layout/page-shell";
import { NoPermission } from "~/components/layout/problem-pages";
import { ServiceHeader } from "~/components/layout/service-header";

/** Outside every layout the page brings its own shell. Inside the app, (app)/forbidden.tsx. */
export default function Forbidden() {
  return (
    <PageShell header={<ServiceHeader />}>
      <NoPermission />
    </PageShell>
  );
}
