import { TRPCError } from "@trpc/server";
import { getServerApi } from "~/server/api/server-caller";
import { minutesDocument } from "~/server/exports/minutes-document";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { WorkersBusy } from "~/server/workers/pool";

/** The signed-in agency's minutes as a PDF, rendered from the projected minutes only. */
export async function GET(req: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  const as = new URL(req.url).searchParams.get("as") ?? undefined;
  try {
    const minutes = await (await getServerApi()).meetings.minutesPdf({ meetingId, asAgencyId: as });
    const pdf = await pdfRenderer().pdf(minutesDocument(minutes, new Date()));
    return new Response(pdf, {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="marac-minutes-${minutes.meeting.date}.pdf"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    if (e instanceof WorkersBusy) return busyResponse();
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}
