import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moveBlockedBy, moveOnAgenda, orderAgenda } from "./agenda";

const e = (caseId: string, hasChildren: boolean, position: number) => ({ caseId, hasChildren, position });

describe("agenda order", () => {
  it("puts cases with children first, then keeps the coordinator's order", () => {
    const order = orderAgenda([e("a", false, 0), e("b", true, 1), e("c", false, 2), e("d", true, 3)]).map((x) => x.caseId);
    expect(order).toEqual(["b", "d", "a", "c"]);
  });

  it("moves a case within its group, never across into the other group", () => {
    const entries = [e("b", true, 0), e("d", true, 1), e("a", false, 2), e("c", false, 3)];
    expect(moveOnAgenda(entries, "d", "up").map((x) => x.caseId)).toEqual(["d", "b", "a", "c"]);
    expect(moveOnAgenda(entries, "a", "up").map((x) => x.caseId)).toEqual(["b", "d", "a", "c"]);
    expect(moveOnAgenda(entries, "c", "down").map((x) => x.caseId)).toEqual(["b", "d", "a", "c"]);
    expect(moveOnAgenda(entries, "d", "down").map((x) => x.caseId)).toEqual(["b", "d", "a", "c"]);
  });

  it("always keeps every children's case before every adult-only case, whatever the moves", () => {
    const arb = fc.array(fc.boolean(), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(arb, fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 20 }), (kids, moves) => {
        let entries = kids.map((k, i) => e(`c${i}`, k, i));
        for (const [n, up] of moves) entries = moveOnAgenda(entries, `c${n % kids.length}`, up ? "up" : "down");
        const order = orderAgenda(entries);
        const firstAdult = order.findIndex((x) => !x.hasChildren);
        expect(firstAdult === -1 || order.slice(firstAdult).every((x) => !x.hasChildren)).toBe(true);
        expect(new Set(order.map((x) => x.caseId)).size).toBe(kids.length);
      }),
    );
  });
});

describe("moveBlockedBy", () => {
  const entries = [
    { caseId: "k1", hasChildren: true, position: 0 },
    { caseId: "k2", hasChildren: true, position: 1 },
    { caseId: "a1", hasChildren: false, position: 2 },
  ];
  it("says when the children-first rule stops a move, and when a case is at an end", () => {
    expect(moveBlockedBy(entries, "k2", "down")).toBe("children_first");
    expect(moveBlockedBy(entries, "a1", "up")).toBe("children_first");
    expect(moveBlockedBy(entries, "k1", "up")).toBe("first");
    expect(moveBlockedBy(entries, "a1", "down")).toBe("last");
    expect(moveBlockedBy(entries, "k2", "up")).toBeNull();
  });
});
