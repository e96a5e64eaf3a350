import { TRPCError } from "@trpc/server";
import { getServerApi } from "~/server/api/server-caller";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";

/** The signed-in agency's pack as a PDF, built from the projected pack only, on a worker thread (decision 076). */
export async function GET(req: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  const as = new URL(req.url).searchParams.get("as") ?? undefined;
  try {
    const { fileName, pdf } = await (await getServerApi()).meetings.packPdf({ meetingId, asAgencyId: as });
    return new Response(new Uint8Array(pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "TOO_MANY_REQUESTS") return busyResponse();
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}
