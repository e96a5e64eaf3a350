import { detect } from "~/server/domain/detector";
import { AGENCY_TYPES, DEFAULT_POLICY, project, type CaseRecord } from "~/server/domain";
import { buildCase } from "~/server/domain/testing/build-case";
import { makeViewer } from "~/server/domain/testing/fixtures";
import { randomSource } from "~/server/domain/testing/sources";
import { benchCaseList } from "./lib/bench-case-list";
import { benchImport } from "./lib/bench-import";
import { benchNarratives } from "./lib/bench-narratives";
import { benchPacks } from "./lib/bench-packs";
import { benchReports } from "./lib/bench-reports";
import { buildCaslAbilities, caslProject } from "./lib/casl-baseline";

/**
 * `npm run bench`: projection throughput on 10,000 generated cases across every agency type, the
 * same structured-field projection done with @casl/ability as a baseline, detector throughput,
 * every agency's pack for an agenda, the /cases list queries on 50,000 stored cases against a
 * full-scan baseline, and the quarterly return and dashboards at 50,000 cases.
 * Each figure is the best of several timed rounds after a warm-up round.
 * `npm run bench -- detector reports` runs only the named sections (projection, detector, packs,
 * list, reports, import); `--import-cases N` imports N referrals instead of 50,000.
 */
const CASES = 10_000;
const ROUNDS = 5;
const NOW = new Date("2025-03-01T12:00:00Z");
const SECTIONS = ["projection", "detector", "packs", "list", "reports", "import"] as const;
const args = process.argv.slice(2);
const importCasesAt = args.indexOf("--import-cases");
const IMPORT_CASES = importCasesAt >= 0 ? Number(args[importCasesAt + 1]) : 50_000;
if (!Number.isInteger(IMPORT_CASES) || IMPORT_CASES < 1) {
  process.stderr.write("--import-cases needs a whole number of referrals, e.g. --import-cases 5000.\n");
  process.exit(1);
}
const chosen = importCasesAt >= 0 ? args.filter((_, i) => i !== importCasesAt && i !== importCasesAt + 1) : args;
const unknown = chosen.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench section ${unknown.join(", ")}; choose from ${SECTIONS.join(", ")}.\n`);
  process.exit(1);
}
const runs = (section: (typeof SECTIONS)[number]) => chosen.length === 0 || chosen.includes(section);

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

let sink = 0; // keeps results alive so the work is not optimised away
const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

if (runs("projection")) {
  process.stderr.write(`Generating ${CASES.toLocaleString("en-GB")} cases...\n`);
  const cases: CaseRecord[] = Array.from({ length: CASES }, (_, i) => buildCase(randomSource(i + 1)).record);
  const viewers = AGENCY_TYPES.map((type) => makeViewer("agency_rep", type));
  const viewerFor = (i: number) => viewers[i % viewers.length] ?? viewers[0];
  const projectMs = best("project()", () => {
    cases.forEach((c, i) => { const viewer = viewerFor(i); if (viewer) sink += project(c, viewer, DEFAULT_POLICY, [], NOW).decisions.length; });
  });
  const abilities = buildCaslAbilities();
  const caslMs = best("CASL permittedFieldsOf + pick", () => {
    cases.forEach((c, i) => { const viewer = viewerFor(i); if (viewer) sink += Object.keys(caslProject(c, viewer.agencyType, abilities)).length; });
  });
  console.table([
    { measure: "project(): cases/s (all agency types, structured + free text + decisions)", value: perSecond(CASES, projectMs).toLocaleString("en-GB") },
    { measure: "CASL baseline: cases/s (permittedFieldsOf + pick, structured fields only)", value: perSecond(CASES, caslMs).toLocaleString("en-GB") },
    { measure: "ratio project() / CASL", value: (caslMs / projectMs).toFixed(2) },
  ]);
}

if (runs("detector")) {
  const narratives = benchNarratives();
  const megabytes = narratives.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0) / 1_000_000;
  const detectMs = best("detect()", () => {
    for (const text of narratives) sink += detect(text).length;
  });
  console.table([
    { measure: `detect(): MB/s (${megabytes.toFixed(2)} MB of generated narratives; target 10)`, value: (megabytes / (detectMs / 1000)).toFixed(2) },
  ]);
}

if (runs("packs")) {
  process.stderr.write("Building every invited agency's pack for a 16-case agenda...\n");
  const packs = await benchPacks();
  console.table([
    { measure: `packs: screen data (load, decrypt, project, log), ms per agency pack (${packs.cases} cases, ${packs.agencies} agencies)`, value: packs.screenMsPerPack.toFixed(1) },
    { measure: "packs: screen data, cases per second", value: Math.round((packs.cases / packs.screenMsPerPack) * 1000).toLocaleString("en-GB") },
    { measure: "packs: packDocument (PDF description), ms per agency pack", value: packs.documentMsPerPack.toFixed(1) },
    { measure: "packs: renderPdf on this thread, first round (parses the fonts), ms per agency pack", value: packs.pdfFirstMsPerPack.toFixed(1) },
    { measure: "packs: renderPdf on this thread, warm (best of 3 later rounds), ms per agency pack", value: packs.pdfWarmMsPerPack.toFixed(1) },
    { measure: "packs: PDF through the worker pool, fresh thread, ms per agency pack (target 300)", value: packs.poolMsPerPack.toFixed(1) },
    { measure: "packs: PDF through the worker pool, its thread warm (best of 3 later rounds), ms per agency pack (target 300)", value: packs.poolWarmMsPerPack.toFixed(1) },
    { measure: "ratio worker pool / this thread's first round (pool and transfer overhead)", value: (packs.poolMsPerPack / packs.pdfFirstMsPerPack).toFixed(2) },
    { measure: "ratio first round / warm (font parsing, first layouts, JIT)", value: (packs.pdfFirstMsPerPack / packs.pdfWarmMsPerPack).toFixed(2) },
  ]);
}

if (runs("list")) {
  const LIST_CASES = 50_000;
  process.stderr.write(`Writing ${LIST_CASES.toLocaleString("en-GB")} cases to a temporary database for the case list...\n`);
  const list = benchCaseList(LIST_CASES, best);
  console.table([
    ...list.rows.map((r) => ({ measure: `case list at ${LIST_CASES.toLocaleString("en-GB")} cases: ${r.label} (ms)`, value: r.ms.toFixed(2) })),
    { measure: "baseline: naive full-scan name search (ms)", value: list.naive.toFixed(2) },
    { measure: "ratio naive scan / indexed name search", value: (list.naive / list.nameSearch).toFixed(1) },
  ]);
}

if (runs("reports")) {
  const REPORT_CASES = 50_000;
  process.stderr.write(`Writing ${REPORT_CASES.toLocaleString("en-GB")} cases heard in one quarter for the reports...\n`);
  const reports = await benchReports(REPORT_CASES, best);
  console.table([
    { measure: `quarterly return, ${reports.cases.toLocaleString("en-GB")} cases heard in the quarter, first run (ms)`, value: reports.coldReturnMs.toFixed(1) },
    { measure: "quarterly return, again (sealed answers already opened; ms; target 1,000)", value: reports.returnMs.toFixed(1) },
    { measure: "dashboards for a year, chair (ms)", value: reports.dashboardsMs.toFixed(1) },
    { measure: "referral figures for a year, agency representative (ms)", value: reports.referralsMs.toFixed(1) },
  ]);
}
if (runs("import")) {
  // The per-record baseline takes about four times as long, so it runs on at most 5,000.
  const baselineCases = Math.min(IMPORT_CASES, 5_000);
  process.stderr.write(`Importing ${IMPORT_CASES.toLocaleString("en-GB")} generated referrals into a temporary database...\n`);
  const { current, baseline } = await benchImport(IMPORT_CASES, baselineCases);
  const rate = (t: { cases: number; ms: number }) => perSecond(t.cases, t.ms);
  const cpuRate = (t: { cases: number; cpuMs: number }) => perSecond(t.cases, t.cpuMs);
  console.table([
    { measure: `import: ${IMPORT_CASES.toLocaleString("en-GB")} referrals, cases/s (wall clock; target 1,000)`, value: rate(current).toLocaleString("en-GB") },
    { measure: "import: cases per CPU second (this process, all its threads)", value: cpuRate(current).toLocaleString("en-GB") },
    { measure: "import: write lock held (s)", value: (current.lockMs / 1000).toFixed(1) },
    { measure: `baseline, one referral at a time: ${baselineCases.toLocaleString("en-GB")} referrals, cases/s (wall clock)`, value: rate(baseline).toLocaleString("en-GB") },
    { measure: "baseline: cases per CPU second", value: cpuRate(baseline).toLocaleString("en-GB") },
    { measure: "ratio import / baseline (CPU time per case)", value: (baseline.cpuMs / baseline.cases / (current.cpuMs / current.cases)).toFixed(2) },
  ]);
}
if (sink < 0) console.log(sink);
