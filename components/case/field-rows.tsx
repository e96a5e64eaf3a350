import type { ReactNode } from "react";
import type { Tag } from "~/server/domain/tags";
import { formatValue, labelFor } from "./labels";
import { isProjectedText, ProjectedText } from "./projected-text";
import { isWithheld, RestrictedBadge, WithheldNotice } from "./restricted";
import { type ViewsByPath, ViewNote } from "./victim-views";

/** Tags of the items this viewer was shown, by path, to badge restricted values. */
export type ShownTags = ReadonlyMap<string, readonly Tag[]>;

function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isWithheld(value) && !isProjectedText(value);
}

/**
 * One value: the placeholder, redacted free text, a nested group, or a formatted leaf. `path` is the
 * value's own path, so a nested field is labelled from its full path ("victim.disability.disabled").
 */
export function FieldValue({ value, path = "", hideNotice = false }: { value: unknown; path?: string; hideNotice?: boolean }): ReactNode {
  if (isWithheld(value)) return <WithheldNotice value={value} />;
  if (isProjectedText(value)) return <ProjectedText value={value} hideNotice={hideNotice} />;
  if (isGroup(value)) {
    return (
      <dl>
        {Object.entries(value).map(([k, v]) => (
          <div key={k} className="mb-1">
            <dt className="inline font-bold">{labelFor(path ? `${path}.${k}` : k)}: </dt>
            <dd className="inline">
              <FieldValue value={v} path={path ? `${path}.${k}` : k} hideNotice={hideNotice} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <>{formatValue(value)}</>;
}

/**
 * A GOV.UK summary list of the fields of one projected group, in catalogue order. The case page
 * hides each text's standing notice and shows it once per section instead.
 * `views` (case holders only) puts her view on sharing beside each restricted field.
 */
export function FieldRows({
  group,
  path,
  shownTags,
  skip = [],
  hideNotice = false,
  views,
}: {
  group: Record<string, unknown>;
  path: string;
  shownTags: ShownTags;
  skip?: readonly string[];
  hideNotice?: boolean;
  views?: ViewsByPath;
}) {
  return (
    <dl className="mb-8">
      {Object.entries(group)
        .filter(([k]) => !skip.includes(k))
        .map(([key, value]) => {
          const p = path ? `${path}.${key}` : key;
          return (
            <div key={key} className="summary-row">
              <dt>
                {labelFor(p)}
                {!isWithheld(value) ? <RestrictedBadge tags={shownTags.get(p) ?? []} /> : null}
                <ViewNote choice={views?.get(p)} />
              </dt>
              <dd>
                <FieldValue value={value} path={p} hideNotice={hideNotice} />
              </dd>
            </div>
          );
        })}
    </dl>
  );
}
