import { describe, expectTypeOf, it } from "vitest";
import type { CaseRecord } from "../case/schema";
import type { Projection, ProjectedCase, ProjectedText, Withheld } from "./types";

describe("projected types", () => {
  it("keeps a full case out of places that expect a projected one", () => {
    expectTypeOf<CaseRecord>().not.toExtend<ProjectedCase>();
    expectTypeOf<Projection["view"]>().toEqualTypeOf<ProjectedCase>();
  });

  it("marks exactly the tagged items as possibly withheld", () => {
    expectTypeOf<ProjectedCase["victim"]["name"]>().toEqualTypeOf<string>();
    expectTypeOf<ProjectedCase["victim"]["address"]>().toEqualTypeOf<string | undefined | Withheld>();
    expectTypeOf<ProjectedCase["victim"]["immigrationNeeds"]>().toEqualTypeOf<ProjectedText | Withheld>();
    expectTypeOf<ProjectedCase["narrative"]>().toEqualTypeOf<ProjectedText>();
    expectTypeOf<ProjectedCase["householdMembers"]>().toExtend<readonly unknown[] | Withheld>();
    expectTypeOf<Withheld>().toExtend<ProjectedCase["householdMembers"]>();
    expectTypeOf<Withheld>().not.toExtend<ProjectedCase["perpetrators"]>();
  });
});
