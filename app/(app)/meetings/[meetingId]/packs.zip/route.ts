import { TRPCError } from "@trpc/server";
import { zipSync } from "fflate";
import { getServerApi } from "~/server/api/server-caller";
import { packDocument } from "~/server/exports/pack-document";
import { renderPdf } from "~/server/exports/pdf/render-document";

/**
 * For chairs and coordinators: every invited agency's pack, each its own projection, in one zip.
 * The procedure decides who may have it and logs each pack as a disclosure.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  try {
    const packs = await (await getServerApi()).meetings.allPacksPdf({ meetingId });
    const now = new Date();
    const files: Record<string, Uint8Array> = {};
    for (const pack of packs) {
      files[`marac-pack-${pack.meeting.date}-${pack.recipient.agencyName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.pdf`] = new Uint8Array(await renderPdf(packDocument(pack, now)));
    }
    const date = packs[0]?.meeting.date ?? "meeting";
    return new Response(new Uint8Array(zipSync(files)), {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="marac-packs-${date}.zip"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}
