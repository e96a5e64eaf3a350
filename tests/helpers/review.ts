import type { createCaller } from "~/server/api/root";

type Api = ReturnType<typeof createCaller>;

/** A case holder confirms every suggestion on every unreviewed text of a case, through the real procedures. */
export async function confirmAllTexts(holder: Api, caseId: string): Promise<number> {
  const queue = await holder.review.queue();
  const texts = queue.cases.find((c) => c.caseId === caseId)?.texts ?? [];
  for (const { ref } of texts) {
    const { version } = await holder.review.text({ caseId, ref });
    await holder.review.confirmAll({ caseId, ref, version });
  }
  return texts.length;
}
