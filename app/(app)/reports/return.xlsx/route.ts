import { returnExport } from "../_lib/export-response";

/** The quarterly data return as XLSX, suppressed; the export is logged. */
export const GET = returnExport("xlsx");
