import { getAppCipher } from "~/server/crypto/app-cipher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAgency } from "~/db/factories";
import { agencies } from "~/db/schema";
import { createInnerContext } from "~/server/api/context";
import { createCaller } from "~/server/api/root";
import { readSharingRules } from "~/server/cases/sharing-rules";
import { AGENCY_TYPES } from "~/server/domain/agency-types";
import { project } from "~/server/domain/projection/project";
import { visibleItems } from "~/server/domain/projection/items";
import { extractPdfText } from "~/server/exports/pdf/extract-text";
import { renderPdf } from "~/server/exports/pdf/render-document";
import { protocolDocument } from "~/server/exports/protocol-document";
import { makeSampleCase, makeViewer } from "~/server/domain/testing/fixtures";
import { TAGS, type Tag } from "~/server/domain/tags";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

const NOW = new Date("2026-11-25T10:00:00Z");

/**
 * Paper and practice cannot drift: for every agency and category, the generated protocol's
 * "shared" claim equals what the projection gives a viewer of that agency for an item carrying
 * that category, on a case whose victim agreed to everything being shared. Checked under the
 * built-in version and under versions with agency rows of their own, widening and narrowing.
 */
describe("the information-sharing protocol says what the projection enforces", () => {
  const t = createTestDb();
  const api = (u: SessionUser) => createCaller(createInnerContext({ db: t.db, user: u, now: () => NOW }));
  let admin: SessionUser;
  let chair: SessionUser;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    ensureSettings(t.db, "Testshire MARAC", NOW, "TS");
    for (const type of AGENCY_TYPES) ids.set(type, makeAgency(t.db, { type, isMaracMember: type !== "immigration_enforcement" }).id);
    // A second police force, so one agency row can differ from its type's default.
    ids.set("police-2", makeAgency(t.db, { type: "police" }).id);
    admin = await sessionUserFor(t.db, "admin", "police");
    chair = await sessionUserFor(t.db, "chair", "police");
  });
  afterAll(() => t.cleanup());

  const everyoneAgreed = makeSampleCase();
  const sharedCase = { ...everyoneAgreed, victimViews: { ...everyoneAgreed.victimViews, perTag: Object.fromEntries(TAGS.map((tag) => [tag, "share"])) as Record<Tag, "share"> } };

  async function checkProtocol(expectedVersion: number) {
    const protocol = await api(admin).admin.policy.protocol();
    const rules = readSharingRules(t.db, getAppCipher(), NOW);
    expect(protocol.version).toBe(expectedVersion);
    expect(rules.policy.version).toBe(expectedVersion);
    const stored = t.db.select().from(agencies).all();
    expect(protocol.agencies.map((a) => a.id).sort()).toEqual(stored.map((a) => a.id).sort());
    for (const agency of protocol.agencies) {
      const type = stored.find((a) => a.id === agency.id)?.type;
      if (!type) throw new Error(`unknown agency ${agency.name}`);
      const viewer = makeViewer("agency_rep", type, agency.id);
      const projection = project(sharedCase, viewer, rules.policy, rules.grants, NOW);
      for (const tag of TAGS) {
        const claim = agency.shared.includes(tag);
        expect(agency.notShared.includes(tag), `${agency.name} ${tag} listed once`).toBe(!claim);
        const items = visibleItems([{ tags: [tag] }], viewer, rules.policy, rules.grants, { caseId: sharedCase.caseId, views: sharedCase.victimViews.perTag }, NOW);
        expect([agency.name, tag, items.length === 1]).toEqual([agency.name, tag, claim]);
        // The case projection agrees on every item carrying that category alone.
        const single = projection.decisions.filter((d) => d.tags.length === 1 && d.tags[0] === tag);
        expect(single.length, `the sample case has items tagged ${tag} alone`).toBeGreaterThan(0);
        for (const d of single) expect([agency.name, d.path, d.outcome]).toEqual([agency.name, d.path, claim ? "shown" : "withheld"]);
      }
    }
    return protocol;
  }

  it("under the built-in version 1", async () => {
    const protocol = await checkProtocol(1);
    const ie = protocol.agencies.find((a) => a.id === ids.get("immigration_enforcement"));
    expect(ie?.shared).toEqual([]);
    expect(protocol.history).toEqual([{ version: 1, inForceFrom: null, proposedByName: null, approvedByName: null }]);
  });

  it("after agency rows that widen one agency and narrow another", async () => {
    for (const [agency, allow] of [
      ["housing", ["safe_contact", "criminal", "children", "health"]],
      ["police-2", ["criminal"]],
      ["by_and_for", ["immigration", "sexuality", "safe_contact"]],
    ] as const) {
      const { proposalId } = await api(admin).admin.policy.propose({ agencyId: ids.get(agency) ?? "", followTypeDefault: false, allow: [...allow] });
      await api(chair).approvals.approve({ id: proposalId });
    }
    const protocol = await checkProtocol(4);
    expect(protocol.agencies.find((a) => a.id === ids.get("police-2"))).toMatchObject({ ownRow: true, shared: ["criminal"] });
    expect(protocol.agencies.find((a) => a.id === ids.get("police"))).toMatchObject({ ownRow: false, shared: ["safe_contact", "criminal", "children"] });
    expect(protocol.history.map((h) => h.version)).toEqual([4, 3, 2, 1]);
  });

  it("prints as a PDF marked OFFICIAL on every page, saying the same as the page", async () => {
    const protocol = await api(admin).admin.policy.protocol();
    const pages = await extractPdfText(await renderPdf(protocolDocument(protocol, { agencyName: "Police", userName: admin.name }, NOW)));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toMatch(/OFFICIAL/);
    const text = pages.join("\n").replace(/\s+/g, " ");
    expect(text).not.toContain("OFFICIAL-SENSITIVE");
    expect(text).toContain("Testshire MARAC: information-sharing protocol");
    expect(text).toContain("sharing policy version 4");
    const housing = protocol.agencies.find((a) => a.id === ids.get("housing"));
    expect(housing?.shared).toEqual(["safe_contact", "health", "criminal", "children"]);
    expect(text).toContain("Safe contact, health, criminal and children");
    expect(text).toContain("Article 9(2)(g)");
    expect(text).toContain("Immigration information is never shared with Immigration Enforcement");
    expect(text).toContain(`proposed by ${admin.name}, approved by ${chair.name}`);
  });
});
