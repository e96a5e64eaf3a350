"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { getServerApi } from "~/server/api/server-caller";
import { IMPORT_FILE_MAX_BYTES } from "~/server/http/request-limits";

export type ImportState = { status: "idle" } | { status: "error"; message: string; issues: { path: string; message: string }[] };

/** Starts the import as a job on a worker thread (decision 064) and opens its progress page. */
export async function importAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Select a JSON file of referrals", issues: [] };
  if (file.size > IMPORT_FILE_MAX_BYTES) return { status: "error", message: "The file must be 20 MB or smaller", issues: [] };
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch (e) {
    return { status: "error", message: `The file is not valid JSON: ${e instanceof Error ? e.message : "it could not be read"}`, issues: [] };
  }
  let started;
  try {
    started = await (await getServerApi()).admin.imports.start({ document });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "CONFLICT") return { status: "error", message: e.message, issues: [] };
    throw e;
  }
  if (!started.ok) return { status: "error", message: `Nothing was imported. Fix these ${started.issues.length} problems and try again.`, issues: started.issues };
  redirect(`/admin/import/${started.jobId}`);
}
