import { detect } from "~/server/domain/detector";
import { AGENCY_TYPES, DEFAULT_POLICY, project, type CaseRecord } from "~/server/domain";
import { buildCase } from "~/server/domain/testing/build-case";
import { makeViewer } from "~/server/domain/testing/fixtures";
import { randomSource } from "~/server/domain/testing/sources";
import { benchCaseList } from "./lib/bench-case-list";
import { benchPacks } from "./lib/bench-packs";
import { benchReports } from "./lib/bench-reports";
import { buildCaslAbilities, caslProject } from "./lib/casl-baseline";

/**
 * `npm run bench`: projection throughput on 10,000 generated cases across every agency type, the
 * same structured-field projection done with @casl/ability as a baseline, detector throughput, and
 * the /cases list queries on 50,000 stored cases against a full-scan baseline.
 * Each figure is the best of several timed rounds after a warm-up round.
 */
const CASES = 10_000;
const ROUNDS = 5;
const NOW = new Date("2025-03-01T12:00:00Z");

function best(label: string, round: () => void): number {
  round(); // warm-up: JIT and caches
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    round();
    fastest = Math.min(fastest, performance.now() - start);
  }
  process.stderr.write(`  ${label}: best of ${ROUNDS} rounds ${fastest.toFixed(1)} ms\n`);
  return fastest;
}

process.stderr.write(`Generating ${CASES.toLocaleString("en-GB")} cases...\n`);
const cases: CaseRecord[] = Array.from({ length: CASES }, (_, i) => buildCase(randomSource(i + 1)).record);
const viewers = AGENCY_TYPES.map((type) => makeViewer("agency_rep", type));
const viewerFor = (i: number) => viewers[i % viewers.length] ?? viewers[0];

let sink = 0; // keeps results alive so the work is not optimised away
const projectMs = best("project()", () => {
  cases.forEach((c, i) => { const viewer = viewerFor(i); if (viewer) sink += project(c, viewer, DEFAULT_POLICY, [], NOW).decisions.length; });
});
const abilities = buildCaslAbilities();
const caslMs = best("CASL permittedFieldsOf + pick", () => {
  cases.forEach((c, i) => { const viewer = viewerFor(i); if (viewer) sink += Object.keys(caslProject(c, viewer.agencyType, abilities)).length; });
});

const SENTENCES = [
  "Police attended after a neighbour reported shouting at the address.",
  "She says he controls all the money and she has no access to her bank card.",
  "Her spouse visa expires in June and he says he will have her deported if she leaves.",
  "She has no recourse to public funds and is staying with a friend.",
  "He has been cautioned for assault against a previous partner.",
  "She is on annual leave from work next week and will attend the appointment.",
  "Her brother is applying for leave to remain and the Home Office has not decided yet.",
  "The children attend Northtown Primary School and are doing well.",
  "She can be contacted on 07700 900123 between 10am and noon.",
  "She is 12 weeks pregnant and has been seen by the midwife.",
];
const narratives = Array.from({ length: 2_000 }, (_, i) =>
  Array.from({ length: 12 + (i % 9) }, (_, j) => SENTENCES[(i * 7 + j * 3) % SENTENCES.length]).join(" "),
);
const megabytes = narratives.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0) / 1_000_000;
const detectMs = best("detect()", () => {
  for (const text of narratives) sink += detect(text).length;
});

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);
console.table([
  { measure: "project(): cases/s (all agency types, structured + free text + decisions)", value: perSecond(CASES, projectMs).toLocaleString("en-GB") },
  { measure: "CASL baseline: cases/s (permittedFieldsOf + pick, structured fields only)", value: perSecond(CASES, caslMs).toLocaleString("en-GB") },
  { measure: "ratio project() / CASL", value: (caslMs / projectMs).toFixed(2) },
  { measure: `detect(): MB/s (${megabytes.toFixed(2)} MB of generated narratives)`, value: (megabytes / (detectMs / 1000)).toFixed(2) },
]);

process.stderr.write("Building every invited agency's pack for a 16-case agenda...\n");
const packs = await benchPacks();
console.table([
  { measure: `packs: screen data, ms per agency pack (${packs.cases} cases, ${packs.agencies} agencies)`, value: packs.screenMsPerPack.toFixed(1) },
  { measure: "packs: screen data, cases per second", value: Math.round((packs.cases / packs.screenMsPerPack) * 1000).toLocaleString("en-GB") },
  { measure: "packs: PDF rendering, ms per agency pack", value: packs.pdfMsPerPack.toFixed(1) },
  { measure: "packs: PDF, cases per second", value: Math.round((packs.cases / packs.pdfMsPerPack) * 1000).toLocaleString("en-GB") },
]);

const LIST_CASES = 50_000;
process.stderr.write(`Writing ${LIST_CASES.toLocaleString("en-GB")} cases to a temporary database for the case list...\n`);
const list = benchCaseList(LIST_CASES, best);
console.table([
  ...list.rows.map((r) => ({ measure: `case list at ${LIST_CASES.toLocaleString("en-GB")} cases: ${r.label} (ms)`, value: r.ms.toFixed(2) })),
  { measure: "baseline: naive full-scan name search (ms)", value: list.naive.toFixed(2) },
  { measure: "ratio naive scan / indexed name search", value: (list.naive / list.nameSearch).toFixed(1) },
]);
const REPORT_CASES = 50_000;
process.stderr.write(`Writing ${REPORT_CASES.toLocaleString("en-GB")} cases heard in one quarter for the reports...\n`);
const reports = await benchReports(REPORT_CASES, best);
console.table([
  { measure: `quarterly return, ${reports.cases.toLocaleString("en-GB")} cases heard in the quarter, first run (ms)`, value: reports.coldReturnMs.toFixed(1) },
  { measure: "quarterly return, again (sealed answers already opened; ms; target 1,000)", value: reports.returnMs.toFixed(1) },
  { measure: "dashboards for a year, chair (ms)", value: reports.dashboardsMs.toFixed(1) },
  { measure: "referral figures for a year, agency representative (ms)", value: reports.referralsMs.toFixed(1) },
]);
if (sink < 0) console.log(sink);
