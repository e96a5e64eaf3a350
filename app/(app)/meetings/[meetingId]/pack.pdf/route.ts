import { TRPCError } from "@trpc/server";
import { getServerApi } from "~/server/api/server-caller";
import { packDocument } from "~/server/exports/pack-document";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { WorkersBusy } from "~/server/workers/pool";

/** The signed-in agency's pack as a PDF, rendered on the server from the projected pack only. */
export async function GET(req: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  const as = new URL(req.url).searchParams.get("as") ?? undefined;
  try {
    const pack = await (await getServerApi()).meetings.packPdf({ meetingId, asAgencyId: as });
    const pdf = await pdfRenderer().pdf(packDocument(pack, new Date()));
    return new Response(pdf, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="marac-pack-${pack.meeting.date}-${slug(pack.recipient.agencyName)}.pdf"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof WorkersBusy) return busyResponse();
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
