import { TRPCError } from "@trpc/server";
import { getServerApi } from "~/server/api/server-caller";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";

/**
 * For chairs and coordinators: every invited agency's pack, each its own projection, in one zip.
 * The procedure decides who may have it; a worker thread builds, logs and renders the packs (decision 076).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  try {
    const { fileName, zip } = await (await getServerApi()).meetings.allPacksZip({ meetingId });
    return new Response(new Uint8Array(zip), {
      headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "TOO_MANY_REQUESTS") return busyResponse();
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}
