import type { SharingChoice } from "~/server/domain/case/referral";
import { TAG_LABELS, type Tag } from "~/server/domain/tags";

/** Her view by field path, from the decisions (present only for case holders, decision 049). */
export type ViewsByPath = ReadonlyMap<string, SharingChoice>;

export function viewsByPath(decisions: readonly { path: string; kind: string; victimView?: SharingChoice }[]): ViewsByPath {
  return new Map(decisions.filter((d) => d.kind === "field" && d.victimView !== undefined).map((d) => [d.path, d.victimView as SharingChoice]));
}

/** Plain English for case holders, beside a category or a decision to share. */
const VIEW_LABELS: Record<SharingChoice, string> = {
  do_not_share: "She asked for this not to be shared",
  share: "She agreed to this being shared",
  not_asked: "Not asked: ask her whether she wants this shared",
};

const EFFECT: Record<SharingChoice, string> = {
  do_not_share: "Withheld from every agency except the MARAC chair, coordinator and IDVA, unless the MARAC records an override.",
  share: "Shared as the information-sharing policy allows.",
  not_asked: "Until she is asked, the information-sharing policy applies.",
};

/** Her view beside a decision to share; "not asked" reads as a prompt to ask her. */
export function ViewNote({ choice }: { choice: SharingChoice | undefined }) {
  if (choice === undefined) return null;
  const tone = choice === "do_not_share" ? "border-error text-ink" : choice === "not_asked" ? "border-secondary text-secondary" : "border-border text-secondary";
  return <span className={`mt-1 block border-l-4 pl-2 text-sm font-normal ${tone}`}>{VIEW_LABELS[choice]}</span>;
}

/** For case holders: what she said about each category of her information, and what that means. */
export function ViewsByCategory({ decisions }: { decisions: readonly { kind: string; tags: readonly Tag[]; victimView?: SharingChoice }[] }) {
  const rows = decisions.filter((d) => d.kind === "sentences" && d.victimView !== undefined && d.tags[0] !== undefined);
  if (rows.length === 0) return null;
  return (
    <>
      <h3>Her views, category by category</h3>
      <dl className="mb-8">
        {rows.map((d) => {
          const tag = d.tags[0] as Tag;
          const choice = d.victimView as SharingChoice;
          return (
            <div key={tag} className="summary-row">
              <dt className="first-letter:uppercase">{TAG_LABELS[tag]}</dt>
              <dd>
                <strong>{VIEW_LABELS[choice]}.</strong> {EFFECT[choice]}
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
