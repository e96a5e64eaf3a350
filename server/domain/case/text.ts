import { z } from "zod";
import { TAGS } from "../tags";

/**
 * Free text tagged at sentence level (design.md section 3). The original text is always kept;
 * spans mark the character ranges (JavaScript string offsets, end exclusive) that carry tags.
 * Redaction happens only when the text is shown, per viewer.
 */
export const SPAN_SOURCES = ["detector", "manual"] as const;
export type SpanSource = (typeof SPAN_SOURCES)[number];

export const spanSchema = z.strictObject({
  start: z.int({ error: "A span start must be a whole number." }).min(0, { error: "A span cannot start before the text." }),
  end: z.int({ error: "A span end must be a whole number." }).min(0, { error: "A span cannot end before the text." }),
  tags: z
    .array(z.enum(TAGS, { error: `A span tag must be one of: ${TAGS.join(", ")}.` }))
    .min(1, { error: "A span must carry at least one tag." }),
  /** The detector rule that suggested the span, so a reviewer can see why. */
  rule: z.string().max(200).optional(),
  /** The detector was unsure (a model score in its uncertain band): a reviewer should check the sentence. */
  uncertain: z.boolean({ error: "A span's uncertain flag must be true or false." }).optional(),
  source: z.enum(SPAN_SOURCES, { error: "A span source must be detector or manual." }),
});
export type Span = z.infer<typeof spanSchema>;

/**
 * A case holder has looked at one sentence and settled its tags (decision 042). Keyed by the
 * SHA-256 of the sentence's exact text, so editing the sentence voids its review, while unchanged
 * sentences keep theirs. Kept inside the sealed text; never copied into a projection.
 */
export const sentenceReviewSchema = z.strictObject({
  digest: z.string().regex(/^[0-9a-f]{64}$/, { error: "A review digest must be 64 hexadecimal characters." }),
});
export type SentenceReview = z.infer<typeof sentenceReviewSchema>;

export const taggedTextSchema = z
  .strictObject({
    text: z.string({ error: "Text must be text." }).max(100_000, { error: "Text must be 100,000 characters or fewer." }),
    spans: z.array(spanSchema).default([]),
    /** Only the review service adds these; every write path rebuilds texts without them (decision 042). */
    reviews: z.array(sentenceReviewSchema).max(10_000).optional(),
  })
  .superRefine((value, ctx) => {
    value.spans.forEach((span, index) => {
      if (span.end <= span.start) {
        ctx.addIssue({ code: "custom", path: ["spans", index], message: "A span must end after it starts." });
      }
      if (span.end > value.text.length) {
        ctx.addIssue({ code: "custom", path: ["spans", index], message: "A span must end inside the text." });
      }
    });
  });
export type TaggedText = z.infer<typeof taggedTextSchema>;
export type TaggedTextInput = z.input<typeof taggedTextSchema>;

/** The same schema, empty by default: a free-text field that was left blank. */
export const optionalTaggedText = taggedTextSchema.default(() => ({ text: "", spans: [] }));

/** Wrap plain text with no tagged sentences (e.g. typed by hand before detection runs). */
export function plainText(text: string): TaggedText {
  return { text, spans: [] };
}
