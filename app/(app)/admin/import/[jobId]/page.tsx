import type { Metadata } from "next";
import Link from "next/link";
import { ErrorSummary } from "~/components/ui/error-summary";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { formatDateTime } from "~/server/domain/dates";
import { ImportIssues } from "../import-issues";
import { RefreshWhileRunning } from "./refresh-while-running";

export const metadata: Metadata = { title: "Import referrals: progress" };

const count = (n: number) => n.toLocaleString("en-GB");
const referrals = (n: number) => `${count(n)} ${n === 1 ? "referral" : "referrals"}`;

export default async function ImportJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  const job = await readOrRefuse(async () => (await getServerApi()).admin.imports.get({ id: jobId }));
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const another = (
    <p>
      <Link href="/admin/import">Import another file</Link>
    </p>
  );
  return (
    <div className="max-w-3xl">
      <h1>Import referrals</h1>
      <p className="mb-6 text-secondary">Started {formatDateTime(job.startedAt)}: {referrals(job.total)} in the file.</p>

      {job.status === "running" ? (
        <>
          <RefreshWhileRunning />
          <h2 id="progress-label" className="mb-2 text-xl font-bold">
            {job.saving ? "Saving the referrals" : "Checking every referral in the file"}
          </h2>
          <progress aria-labelledby="progress-label" aria-describedby="progress-text" max={job.total} value={job.saving ? job.done : undefined} className="mb-2 h-6 w-full">
            {job.saving ? `${percent}%` : "Checking"}
          </progress>
          <p id="progress-text" className="mb-6">
            {job.saving ? `${count(job.done)} of ${count(job.total)} saved (${percent}%).` : `Checking ${referrals(job.total)} before any is saved.`}
          </p>
          <p className="mb-6">
            This page updates by itself. You can leave it: the import carries on. Nothing is saved unless every referral is, so if the import stops part way
            no case from this file exists.
          </p>
        </>
      ) : null}

      <div role="status">
        {job.status === "imported" ? (
          <SuccessBanner>Imported {referrals(job.importedCount)}.</SuccessBanner>
        ) : null}
        {job.status === "refused" ? (
          <ErrorSummary errors={[{ message: `Nothing was imported. Fix ${job.problemCount === 1 ? "this problem" : `these ${count(job.problemCount)} problems`} and try again.` }]} />
        ) : null}
        {job.status === "failed" || job.status === "interrupted" ? (
          <ErrorSummary
            errors={[
              {
                message:
                  job.status === "interrupted"
                    ? "The import stopped because the server stopped. Nothing from this file was saved. Import it again."
                    : "The import stopped because of an error. Nothing from this file was saved. Import it again, or ask your IT service to look at the server's log.",
              },
            ]}
          />
        ) : null}
      </div>

      {job.status === "imported" && job.caseNumbers ? (
        <>
          <h2 className="mb-2 text-xl font-bold">Case numbers created</h2>
          <p className="mb-2">One per referral, in the order of the file. You see the numbers, not the cases: as an administrator you do not see case content.</p>
          <ul className="mb-6 columns-2 font-mono sm:columns-4">
            {job.caseNumbers.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
      {job.status === "imported" && !job.caseNumbers ? <p className="mb-6">The case numbers are listed in the audit log&apos;s entry for this import.</p> : null}
      {job.status === "refused" && job.issues ? <ImportIssues issues={job.issues} /> : null}
      {job.status === "refused" && !job.issues ? <p className="mb-6">Only the administrator who started this import sees its problems. Check the file and import it again.</p> : null}
      {job.status === "running" ? null : another}
    </div>
  );
}
