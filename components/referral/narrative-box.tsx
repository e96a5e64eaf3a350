"use client";

import { useEffect, useState } from "react";
import { RestrictedBadge } from "~/components/case/restricted";
import { RuleUsed } from "~/components/case/rule-used";
import { Textarea } from "~/components/ui/fields";
import { isTag, type Tag } from "~/server/domain/tags";

type Suggestion = { start: number; end: number; tags: Tag[]; rule: string; reason: string };

/** The detector's answer as tRPC sends it over HTTP: {result: {data: {json: spans}}} (superjson). */
function suggestionsFrom(body: unknown): Suggestion[] {
  const json = (body as { result?: { data?: { json?: unknown } } } | null)?.result?.data?.json;
  if (!Array.isArray(json)) return [];
  return json.flatMap((s: unknown): Suggestion[] => {
    const o = s as Partial<Record<keyof Suggestion, unknown>>;
    if (typeof o.start !== "number" || typeof o.end !== "number" || !Array.isArray(o.tags)) return [];
    const tags = o.tags.filter((t): t is Tag => typeof t === "string" && isTag(t));
    return [{ start: o.start, end: o.end, tags, rule: typeof o.rule === "string" ? o.rule : "", reason: typeof o.reason === "string" ? o.reason : "" }];
  });
}

/**
 * The narrative box. As the user types (after half a second's pause) the detector suggests the
 * sentences to tag; nothing is stored until the page is saved.
 */
export function NarrativeBox({ id, label, hint, defaultValue, error }: { id: string; label: string; hint?: string; defaultValue: string; error?: string }) {
  const [text, setText] = useState(defaultValue);
  const [suggestions, setSuggestions] = useState<{ text: string; spans: Suggestion[] } | null>(null);
  useEffect(() => {
    if (text.trim() === "") {
      setSuggestions(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const input = encodeURIComponent(JSON.stringify({ json: { text } }));
      fetch(`/api/trpc/referrals.suggest?input=${input}`, { signal: abort.signal, headers: { accept: "application/json" } })
        .then(async (res) => (res.ok ? suggestionsFrom(await res.json()) : []))
        .then((spans) => setSuggestions({ text, spans }))
        .catch(() => undefined);
    }, 500);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [text]);

  const spans = suggestions?.spans ?? [];
  return (
    <div>
      <div
        onInput={(e) => {
          if (e.target instanceof HTMLTextAreaElement) setText(e.target.value);
        }}
      >
        <Textarea id={id} label={label} hint={hint} rows={10} defaultValue={defaultValue} error={error} />
      </div>
      <section aria-labelledby={`${id}-suggestions-title`} className="mb-8 border-l-4 border-border pl-4">
        <h2 id={`${id}-suggestions-title`} className="text-xl">
          Suggested sentences to restrict
        </h2>
        <p aria-live="polite" className="mb-4">
          {suggestions === null
            ? "As you type, MARAC Desk suggests sentences to restrict, for example immigration or health details."
            : spans.length === 0
              ? "No sentences suggested so far."
              : `MARAC Desk suggests restricting ${spans.length} ${spans.length === 1 ? "sentence" : "sentences"}. They will be withheld from agencies whose sharing policy does not allow them; a reviewer can change this after the referral is submitted.`}
        </p>
        {suggestions && spans.length > 0 ? (
          <ol className="space-y-3" aria-label="Suggested sentences">
            {spans.map((s) => (
              <li key={`${s.start}-${s.end}`} className="border-l-4 border-restricted bg-[#f3f1f9] p-3">
                <mark className="bg-[#fff2a8] text-ink">{suggestions.text.slice(s.start, s.end)}</mark>
                <div className="mt-1">
                  <RestrictedBadge tags={s.tags} /> <span className="text-sm">{s.reason}</span>
                  {s.rule ? <RuleUsed rule={s.rule} /> : null}
                </div>
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </div>
  );
}
