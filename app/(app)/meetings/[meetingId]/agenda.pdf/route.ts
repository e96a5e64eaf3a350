import { TRPCError } from "@trpc/server";
import { getServerApi } from "~/server/api/server-caller";
import { agendaDocument } from "~/server/exports/agenda-document";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { WorkersBusy } from "~/server/workers/pool";

/** The agenda as a PDF, from the agenda lines in the signed-in user's own view. */
export async function GET(_req: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  try {
    const api = await getServerApi();
    const [m, me] = await Promise.all([api.meetings.get({ meetingId }), api.account.me()]);
    const pdf = await pdfRenderer().pdf(agendaDocument(m, { agencyName: me.agencyName, userName: me.name }, new Date()));
    return new Response(pdf, {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="marac-agenda-${m.date}.pdf"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    if (e instanceof WorkersBusy) return busyResponse();
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}
