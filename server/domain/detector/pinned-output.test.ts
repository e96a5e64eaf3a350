import { describe, expect, it } from "vitest";
import { detectorDigests } from "../../../scripts/lib/detector-digest";
import { detect } from "./detect";

/**
 * Pins the detector's outputs, so that work on its speed cannot change what it finds. The digests
 * cover sentence spans, rule firings, the model's exact scores and `detect`'s spans on every
 * training and holdout sentence, the training documents as narratives, the bench narratives and
 * 3,000 seeded random texts (scripts/lib/detector-digest.ts).
 * If a change to the rules, the model or the corpus is meant to change outputs, update these
 * values (print them with `detectorDigests()`) in the same commit, and say why in its message.
 */
const PINNED: Record<string, string> = {
  "training sentences": "5dd6df4fcaf30ddb",
  "training rules and scores": "a98030fa0ab13912",
  "training spans": "fc3707eed1bd0381",
  "documents sentences": "9e5fdb7c7d7e2a78",
  "documents rules and scores": "6a4ff50e2c1a6200",
  "documents spans": "cd6bc9d2ce85f890",
  "holdout sentences": "2be2f84ebe59ebc1",
  "holdout rules and scores": "4b3bbb33ffae6b10",
  "holdout spans": "a761ac2a37c83f9f",
  "bench sentences": "7406e9bf5b61ec44",
  "bench rules and scores": "35faa55cc701070d",
  "bench spans": "952787089367db17",
  "random sentences": "55e01840f6807be0",
  "random rules and scores": "73a9c4f0401f8504",
  "random spans": "9ce5b8f337dc06a9",
};

describe("detector outputs are pinned", () => {
  it("gives the same sentences, rules, scores and spans as when pinned", () => {
    expect(detectorDigests()).toEqual(PINNED);
  }, 60_000);

  it("flags the bench sentences as pinned", () => {
    const text =
      "Police attended after a neighbour reported shouting at the address. Her spouse visa expires in June and he " +
      "says he will have her deported if she leaves. The claim was refused in May. She is on annual leave from " +
      "work next week.\n\nShe can be contacted on 07700 900123 between 10am and noon. She is 12 weeks pregnant.";
    expect(detect(text)).toEqual([
      { start: 68, end: 152, tags: ["immigration"], rule: "imm.visa,imm.removal" },
      { start: 153, end: 182, tags: ["immigration"], rule: 'model:immigration 0.96 "refused in" "refused" "the claim"' },
      { start: 228, end: 287, tags: ["safe_contact"], rule: "contact.phone" },
      { start: 288, end: 313, tags: ["health"], rule: "health.pregnancy" },
    ]);
  });
});
