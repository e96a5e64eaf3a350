// Labels and value formatting live in the core so pages, PDFs and exports say the same thing.
export { FIELD_LABELS, formatValue, labelFor } from "~/server/domain/case/labels";
