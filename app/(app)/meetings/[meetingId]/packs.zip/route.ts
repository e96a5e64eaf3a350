import { TRPCError } from "@trpc/server";
import { getServerApi } from "~/server/api/server-caller";
import { packDocument } from "~/server/exports/pack-document";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { WorkersBusy } from "~/server/workers/pool";

/**
 * For chairs and coordinators: every invited agency's pack, each its own projection, in one zip.
 * The procedure decides who may have it and logs each pack as a disclosure.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  try {
    const packs = await (await getServerApi()).meetings.allPacksPdf({ meetingId });
    const now = new Date();
    // Rendered and zipped in one worker task: the documents are projected here, the bytes made there.
    const zip = await pdfRenderer().zip(packs.map((pack) => ({ name: `marac-pack-${pack.meeting.date}-${pack.recipient.agencyName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`, document: packDocument(pack, now) })));
    const date = packs[0]?.meeting.date ?? "meeting";
    return new Response(zip, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="marac-packs-${date}.zip"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    if (e instanceof WorkersBusy) return busyResponse();
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}
