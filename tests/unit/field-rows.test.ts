import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldRows } from "~/components/case/field-rows";
import { RestrictedBadge } from "~/components/case/restricted";

describe("case field rows", () => {
  it("labels a nested group's fields in words, not as raw keys", () => {
    const html = renderToStaticMarkup(
      createElement(FieldRows, { group: { disability: { disabled: "no" }, lgbtPlus: { identifiesAsLgbtPlus: "no" } }, path: "victim", shownTags: new Map() }),
    );
    expect(html).toContain("Disabled: ");
    expect(html).toContain("Identifies as LGBT+: ");
    expect(html).not.toMatch(/disabled: |identifies as lgbt plus/);
  });

  it("marks Restricted in purple, never in the red of Repeat", () => {
    const html = renderToStaticMarkup(createElement(RestrictedBadge, { tags: ["immigration"] }));
    expect(html).toContain("Restricted: immigration");
    expect(html).toContain("tag-purple");
    expect(html).not.toContain("tag-red");
  });
});
