"use server";

import { getServerApi } from "~/server/api/server-caller";
import { IMPORT_FILE_MAX_BYTES } from "~/server/http/request-limits";

export type ImportState =
  | { status: "idle" }
  | { status: "error"; message: string; issues: { path: string; message: string }[] }
  | { status: "success"; caseNumbers: string[] };

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
  const result = await (await getServerApi()).cases.import({ document });
  if (!result.ok) return { status: "error", message: `Nothing was imported. Fix these ${result.issues.length} problems and try again.`, issues: result.issues };
  return { status: "success", caseNumbers: result.caseNumbers };
}
