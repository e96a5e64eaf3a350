import type { createCaller } from "~/server/api/root";

type Api = ReturnType<typeof createCaller>;

/**
 * A case holder confirms every suggestion on every unreviewed text of a case, through the real
 * procedures: "confirm all" for the suggestions the detector is sure about, then each sentence it
 * was unsure about confirmed one by one (confirm all leaves those, decision 054).
 */
export async function confirmAllTexts(holder: Api, caseId: string): Promise<number> {
  const queue = await holder.review.queue();
  const texts = queue.cases.find((c) => c.caseId === caseId)?.texts ?? [];
  for (const { ref } of texts) {
    const before = await holder.review.text({ caseId, ref });
    const unsure = (s: (typeof before.sentences)[number]) => s.suggestions.some((sg) => sg.uncertain);
    let version = before.version;
    if (before.sentences.some((s) => !s.reviewed && !unsure(s))) version = (await holder.review.confirmAll({ caseId, ref, version })).version;
    const left = before.sentences.filter((s) => !s.reviewed && unsure(s));
    if (left.length > 0) await holder.review.review({ caseId, ref, version, decisions: left.map((s) => ({ digest: s.digest, action: "confirm" as const })) });
  }
  return texts.length;
}
