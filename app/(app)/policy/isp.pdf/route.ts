import { TRPCError } from "@trpc/server";
import { getServerApi } from "~/server/api/server-caller";
import { getCurrentUser } from "~/server/auth";
import { busyResponse } from "~/server/exports/pdf/pdf-pool";
import { pdfRenderer } from "~/server/exports/pdf/render-in-worker";
import { protocolDocument } from "~/server/exports/protocol-document";
import { WorkersBusy } from "~/server/workers/pool";

/** The information-sharing protocol as a PDF marked OFFICIAL, generated from the policy in force. */
export async function GET(): Promise<Response> {
  try {
    const user = await getCurrentUser();
    const api = await getServerApi();
    const protocol = user?.role === "admin" ? await api.admin.policy.protocol() : await api.policy.protocol();
    const body = await pdfRenderer().pdf(protocolDocument(protocol, { agencyName: user?.agencyName ?? "", userName: user?.name ?? "" }, new Date()));
    return new Response(body, {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="information-sharing-protocol-v${protocol.version}.pdf"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    if (e instanceof WorkersBusy) return busyResponse();
    if (e instanceof TRPCError) return new Response(e.message, { status: e.code === "UNAUTHORIZED" ? 401 : e.code === "FORBIDDEN" ? 403 : 404 });
    throw e;
  }
}
