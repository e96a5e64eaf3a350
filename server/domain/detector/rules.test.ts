import { describe, expect, it } from "vitest";
import type { Tag } from "../tags";
import { HOLDOUT_PATH, loadCorpus, loadTrainingCorpus, trainingFiles } from "../../../scripts/lib/detect-corpus";
import { analyse, combine, FAMILIES } from "./detect";
import { DETECTOR_RULES } from "./index";
import { MODEL, RULES_ONLY } from "./model";
import { HEALTH_FAMILY } from "./rules/health";
import { IMMIGRATION_FAMILY } from "./rules/immigration";
import { SAFE_CONTACT_FAMILY } from "./rules/safe-contact";
import fc from "fast-check";
import { RuleRunner } from "./rules/run-rules";
import { firingRules, mayMatch } from "./rules/types";

/** Tags and rule ids of a single-sentence text, from the rules alone (the model has its own tests). */
function run(text: string): { tags: Tag[]; rules: string[] } {
  const spans = combine(text, analyse(text, MODEL), RULES_ONLY);
  return { tags: [...new Set(spans.flatMap((s) => s.tags))], rules: spans.flatMap((s) => s.rule.split(",")) };
}

/** [rule id expected to fire, sentence] */
const IMMIGRATION_POSITIVES: [string, string][] = [
  ["imm.euss", "Client is presettled and was unaware she needed to apply again."],
  ["imm.euss", "Her pre settled status runs out next year."],
  ["imm.euss", "Both children hold EUSS settled status."],
  ["imm.euss", "She only has a certificate of application."],
  ["imm.settlement", "She must now apply for settlement before the three months end."],
  ["imm.visa", "She came on a spousel visa in 2022."],
  ["imm.visa", "Victim has no visa now that he stopped paying."],
  ["imm.visa", "He has hidden her eVisa login."],
  ["imm.visa", "Perp's mother is here on a family visit visa."],
  ["imm.visa-route", "She is on the five-year partner route."],
  ["imm.visa-route", "Her husband is on a Tier 2 work permit."],
  ["imm.visa-route", "She came under the Homes for Ukraine scheme."],
  ["imm.visa-route", "She moved here with him on a BN(O) route."],
  ["imm.leave", "V has limited leave with a no recourse condition."],
  ["imm.leave", "Her 3C leave continues while the appeal is heard."],
  ["imm.leave", "Eldest child has no UK leave."],
  ["imm.leave", "She has been in the country without leave since 2016."],
  ["imm.leave", "V's husband withdrew his support for her extension application."],
  ["imm.leave-abbrev", "V's LTR as a spouse ends next year."],
  ["imm.leave-abbrev", "She must stay with him for 5 years to get her ILR."],
  ["imm.leave-abbrev", "She is awaiting a decision on her FLR(FP) application."],
  ["imm.leave-own", "Her leave runs out in March."],
  ["imm.leave-own", "She is unsure whether her leave was ever extended."],
  ["imm.leave-own", "Mum's leave has been curtailed."],
  ["imm.right-to-remain", "V does not have the right to work in the UK."],
  ["imm.right-to-remain", "Victim has no lawful basis to remain in the UK."],
  ["imm.right-to-remain", "She has been told she must leave the country by the end of the month."],
  ["imm.asylum", "Her asylumn claim was refused in 2021."],
  ["imm.asylum", "Mum is a refused asylum seeker with no support."],
  ["imm.asylum", "She is receiving section 95 support."],
  ["imm.asylum", "Her husband has humanitarian protection."],
  ["imm.asylum", "V was granted Refugee Status 2015."],
  ["imm.nrpf", "Mum and the two children are NRPF."],
  ["imm.nrpf", "The council's team have been contacted as mum has no recourse."],
  ["imm.change-of-conditions", "A change of conditions request was submitted to lift the restriction."],
  ["imm.brp", "Perp keeps her BRP card and her share code login."],
  ["imm.brp", "He holds all her documents including her residence permit."],
  ["imm.home-office", "She received a letter from UKVI saying her application had been refused."],
  ["imm.home-office", "Perp told her he will ring the Home Office."],
  ["imm.home-office-abbrev", "Awaiting HO decision."],
  ["imm.immigration", "IDVA to refer to an immigration advice line."],
  ["imm.immigration", "V is seeking advice from an OISC adviser."],
  ["imm.immigration", "She has applied to regularise her stay."],
  ["imm.enforcement-contact", "V was detained at Yarl's Wood in 2018."],
  ["imm.enforcement-contact", "She has an appointment at the reporting centre on Tuesday."],
  ["imm.enforcement-abbrev", "Perp has threatened to tell IE where she is living."],
  ["imm.overstayer", "Perp is an overstayer."],
  ["imm.overstayer", "She over stayed after the course ended."],
  ["imm.overstayer", "Victim believes she is undocumented."],
  ["imm.illegal", "He keeps saying 'you're illegal here'."],
  ["imm.illegal", "She's been here illegally for years."],
  ["imm.illegal", "V disclosed she is 'not legal' in the UK."],
  ["imm.illegal", "He keeps saying 'you have no rights here'."],
  ["imm.no-status", "Mum currently has no status in the UK."],
  ["imm.no-status", "Her immigration status is insecure."],
  ["imm.no-papers", "She has no papers and works cash in hand."],
  ["imm.no-papers", "He says 'your papers will never come through without me'."],
  ["imm.no-papers", "She told police she has not got her papers yet."],
  ["imm.no-papers", "She is waiting for her papers."],
  ["imm.status", "He holds all the paperwork relating to her status."],
  ["imm.status", "She is worried the police will check her status."],
  ["imm.status-dependence", "Her visa is tied to the perpetrator's job."],
  ["imm.status-dependence", "The children are named as dependants on her claim."],
  ["imm.removal", "He says she'll be deported if she goes to the police."],
  ["imm.removal", "Dad has been served with removal directions."],
  ["imm.removal", "She fears she will be removed if she engages with police."],
  ["imm.removal", "He said he would get her kicked out of the country."],
  ["imm.removal", "He threatens to send her back to her own country."],
  ["imm.citizenship", "Agnieszka is waiting for a decision on her naturalisation application."],
  ["imm.citizenship", "He has applied for British citizenship."],
  ["imm.nhs-charging", "She was told she would be charged as an overseas visitor for her care."],
  ["imm.ddvc", "IDVA to help with a DDVC application."],
  ["imm.ddvc", "She was granted the MVDAC."],
  ["imm.ddvc", "She applied under Appendix Victim of Domestic Abuse."],
  ["imm.ddvc", "She was granted ILR under the DV rule."],
  ["imm.sponsor-dependence", "She came over on his sponsorship as a fiancee."],
  ["imm.sponsor-dependence", "He has withdrawn his sponsorship."],
  ["imm.sponsor-abbrev", "The employer withdrew the CoS."],
  ["imm.threat-to-report", "Perp's brother threatened to grass her up to immigration."],
  ["imm.threat-to-report", "He said he would make one phone call to the Home Office."],
  ["imm.entry-route", "She came over as his wife in 2019."],
];

/** [false friend, sentence]: none of these may be tagged immigration. */
const IMMIGRATION_NEGATIVES: [string, string][] = [
  ["Visa card", "V used her Visa card at Tesco, which alerted him to her location."],
  ["Visa debit", "She paid for the taxi with her Visa debit card."],
  ["Visa brand", "He stole her bank cards including a Visa and a Mastercard."],
  ["Visa ending", "Visa ending 4421 used in Leeds on 3rd."],
  ["holiday visa", "Perp is going on holiday to Dubai and needs a visa."],
  ["trip visa", "She needs a visa for the Thailand trip she booked."],
  ["passport surrendered", "As part of his bail conditions he had to surrender his passport."],
  ["passport as ID", "She showed her passport as ID at the bank."],
  ["passport for travel", "She has applied for a passport for the baby so they can visit nan in Spain."],
  ["Home Office funded", "The refuge is part-funded by the Home Office."],
  ["Home Office guidance", "Home Office guidance on Clare's Law was followed."],
  ["Home Office research", "Research commissioned by the Home Office shows risk rises at separation."],
  ["Home Office job", "The perpetrator works for the Home Office as a civil servant."],
  ["home office room", "The home office at the back of the house is where he keeps the CCTV."],
  ["Border Force job", "Perp works as a Border Force officer at Stansted."],
  ["immigration officer job", "Her brother is an immigration officer at Heathrow."],
  ["housing status", "Housing status: temporary accommodation, band B."],
  ["relationship status", "Relationship status: separated since January."],
  ["case status", "Case status updated to closed."],
  ["carer status", "V's status as the main carer was confirmed by CAFCASS."],
  ["status on Facebook", "Her status on Facebook shows she is single."],
  ["status update", "No status update from CPS yet."],
  ["benefit status", "Her benefits status is under review."],
  ["annual leave", "PC Patel is on annual leave until Monday."],
  ["compassionate leave", "Her manager has approved compassionate leave."],
  ["on leave", "The team leader is on leave until the 20th."],
  ["leave to appeal", "Perp has applied for leave to appeal the sentence."],
  ["leaving partner", "She says she wants to leave him but is scared."],
  ["let her leave", "He would not let her leave."],
  ["leave the house", "Victim says perp will not let her leave the house."],
  ["settled = calm", "V seems more settled now she is in the new flat."],
  ["settled = paid", "Her UC claim has been settled and backdated."],
  ["money settlement", "The divorce settlement is still being negotiated."],
  ["benefit appeal", "She is appealing the PIP decision with help from CAB."],
  ["housing application", "The housing application was refused due to rent arrears."],
  ["court application", "The application for a non-molestation order was made on 3rd March."],
  ["furniture removal", "Removal van booked for Friday to collect her belongings."],
  ["removed from property", "The perp was removed from the property by police."],
  ["removal from tenancy", "Landlord has started removal proceedings for the tenancy."],
  ["port alert", "Port alert in place as perp has threatened to take the children to Pakistan."],
  ["prohibited steps", "PSO granted to prevent the children being taken out of the UK."],
  ["charity sponsorship", "She was sponsored by colleagues to do a fun run for the refuge."],
  ["no papers for a car", "The car he drives has no papers and no insurance."],
  ["divorce papers", "She said she is sorting her papers out for the divorce."],
  ["report to DWP", "He threatened to report her to the DWP for benefit fraud."],
  ["report to social services", "He said he would tell social services she is an unfit mother."],
  ["nationality", "V is Romanian and speaks limited English."],
  ["language", "Interpreter required: Urdu."],
  ["religion", "V is a practising Muslim and attends the local mosque."],
  ["British citizen", "Perp is a British citizen born in Leeds."],
  ["sent back to family", "His family threatened to send her back to her parents in the village."],
  ["sent back to mum's", "He threatened to 'send her back to her mum's' during the argument."],
  ["taken abroad", "He threatened to take the children abroad to his family in Iraq."],
  ["right to remain silent", "He was cautioned and told he had the right to remain silent."],
  ["right to stay in a home", "She has the right to stay in the family home under the occupation order."],
  ["illegal act", "It is illegal for him to contact her while the order is in force."],
  ["illegal drugs", "Police seized illegal drugs from his car."],
  ["no recourse to savings", "She has no recourse to her savings as he controls the account."],
  ["border = boundary", "The assault took place by the fence bordering the two gardens."],
  ["change of bail conditions", "He applied for a change of conditions to his bail."],
];

describe("immigration rules", () => {
  it.each(IMMIGRATION_POSITIVES)("%s fires on: %s", (ruleId, text) => {
    const { tags, rules } = run(text);
    expect(tags).toContain("immigration");
    expect(rules).toContain(ruleId);
  });

  it.each(IMMIGRATION_NEGATIVES)("guards against %s: %s", (_friend, text) => {
    expect(run(text).tags).not.toContain("immigration");
  });

  it("blanks only the false friend: a sentence with a Visa card and a spouse visa is flagged", () => {
    expect(run("She paid with her Visa card; her spouse visa expires in May.").tags).toContain("immigration");
    expect(run("He is on annual leave and her leave to remain expires soon.").tags).toContain("immigration");
  });
});

describe("safe-contact rules", () => {
  it.each<[string, string]>([
    ["contact.postcode", "New address is in LS6 2QT."],
    ["contact.postcode", "Refuge postcode SW1A 1AA."],
    ["contact.phone", "Safe number 07700 900123, text only."],
    ["contact.phone", "Call her on +44 7700 900123 after 6pm."],
    ["contact.phone", "Landline 0113-496-0000."],
    ["contact.email", "Safe email is olena.k@example.org."],
    ["contact.street-address", "She now lives at 14 Elm Road with her sister."],
    ["contact.street-address", "Moved to Flat 4, Beech Court."],
  ])("%s fires on: %s", (ruleId, text) => {
    const { tags, rules } = run(text);
    expect(tags).toContain("safe_contact");
    expect(rules).toContain(ruleId);
  });

  it.each([
    "Bail conditions: not to enter Elm Road.",
    "Seen on 02.03.24 at 10.30.",
    "DASH score 17; 3 children aged 2, 5 and 9.",
    "Crime ref 13/45678/24 logged.",
  ])("does not flag: %s", (text) => {
    expect(run(text).tags).not.toContain("safe_contact");
  });
});

describe("health rules", () => {
  it.each<[string, string]>([
    ["health.pregnancy", "She is 24 weeks pregnant and booked at the maternity unit."],
    ["health.mental-health", "He was sectioned under the Mental Health Act in 2021."],
    ["health.mental-health", "She took an overdose last month."],
    ["health.diagnosis", "Perp has a diagnosis of borderline personality disorder."],
    ["health.diagnosis", "Her GP has referred her for counselling for anxiety."],
    ["health.medication", "Dr. Shah prescribed sertraline 50mg."],
    ["health.substance", "He is engaging with drug treatment services."],
  ])("%s fires on: %s", (ruleId, text) => {
    const { tags, rules } = run(text);
    expect(tags).toContain("health");
    expect(rules).toContain(ruleId);
  });

  it.each([
    "She was anxious about the court date.",
    "Perpetrator punched her causing a fractured cheekbone.",
    "She describes him as 'a different person' when he has been drinking.",
  ])("does not flag: %s", (text) => {
    expect(run(text).tags).not.toContain("health");
  });
});

describe("rule tables", () => {
  const families = [IMMIGRATION_FAMILY, SAFE_CONTACT_FAMILY, HEALTH_FAMILY];

  it("has unique, well-formed ids, all listed in DETECTOR_RULES", () => {
    const ids = families.flatMap((f) => [...f.rules.map((r) => r.id), ...f.guards.map((g) => g.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(?:imm|contact|health|guard)\.[a-z0-9-]+$/);
    const listed = new Set(DETECTOR_RULES.map((r) => r.id));
    for (const id of ids) expect(listed.has(id)).toBe(true);
    expect(listed.has("imm.context")).toBe(true);
  });

  it("uses stateless rule patterns and global guard patterns, each with a description", () => {
    for (const family of families) {
      for (const rule of family.rules) {
        expect(rule.pattern.global || rule.pattern.sticky, rule.id).toBe(false);
        expect(rule.unless?.global ?? false, rule.id).toBe(false);
        expect(rule.tag).toBe(family.tag);
        expect(rule.description.length).toBeGreaterThan(10);
      }
      for (const guard of family.guards) {
        expect(guard.pattern.global, guard.id).toBe(true);
        expect(guard.description.length).toBeGreaterThan(10);
      }
    }
  });
});

describe("rule prefilters (requires)", () => {
  const corpus = [
    ...loadTrainingCorpus(trainingFiles()).map((s) => s.text),
    ...loadCorpus(HOLDOUT_PATH).map((s) => s.text),
    ...IMMIGRATION_POSITIVES.map(([, text]) => text),
    ...IMMIGRATION_NEGATIVES.map(([, text]) => text),
  ];
  const filtered = FAMILIES.flatMap((family) => [...family.rules, ...family.guards]).filter((r) => r.requires !== undefined);

  it.each(filtered.map((r) => [r.id, r] as const))("%s never matches a sentence without a required string", (_id, r) => {
    const pattern = new RegExp(r.pattern.source, r.pattern.flags.replace("g", ""));
    for (const text of corpus) {
      if (pattern.test(text)) expect(mayMatch(text.toLowerCase(), r.requires), text).toBe(true);
    }
  });

  /** The plain definition: each family on its own, each rule checking its own `requires`. */
  const plain = (text: string): string[] => FAMILIES.flatMap((family) => firingRules(text, family));
  const runner = new RuleRunner(FAMILIES);
  const fast = (text: string): string[] => runner.run(text, text.toLowerCase()).rules;

  it("the one-pass runner fires the same rules as each family run on its own (every corpus sentence)", () => {
    for (const text of corpus) expect(fast(text), text).toEqual(plain(text));
  });

  it("the one-pass runner fires the same rules on arbitrary mixes of trigger words and false friends", () => {
    const pieces = [
      " ", ".", "\n", "é", "İ", "🙂", "Visa card", "spouse visa", "annual leave", "leave to remain", "Home Office",
      "Home Office funded", "HO", "IE", "ILR", "asylum", "claim", "status", "her status", "NRPF", "public funds",
      "deported", "07700 900123", "B1 1AA", "a@b.org", "12 Elm Road", "pregnant", "sertraline", "came over as his wife",
      "told the Home Office", "no papers", "for his car", "settled", "tied to", "dependant on", "CoS", "charity",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join(" ");
        expect(fast(text)).toEqual(plain(text));
      }),
      { numRuns: 500 },
    );
  });
});
