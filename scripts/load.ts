import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../db/seed/demo-area";
import { totpCodeAt, totpStep } from "../server/auth/totp";
import { buildApp, bundleWorkers } from "./lib/build";
import { prepareLoadArea, type LoadArea } from "./lib/load-area";
import { toolEnv } from "./lib/run";

// `npm run load [-- --duration 20 --scenario mix|case-pages|zips|floor|page-cpu] [--cpu-prof DIR]`: the production build on a fresh
// demo database, on loopback only, driven by autocannon for a fixed time with a bounded number of
// requests; prints requests per second, p50, p95 and p99 per route, and errors. `zips` runs case
// pages alone, then again while 5 packs zips are requested continuously, and prints the p95 ratio.
// `floor` asks for the sign-in page, then the health check, signed out, each alone at the same 20
// connections: what this server and machine can do at best for a page and for an API call.
// `page-cpu` asks for one case page 200 times in a row, as a chair and then as a housing rep, after a
// warm-up, and prints the server process's CPU time per page (/proc, every thread and child process):
// a figure that holds on a busy machine, where req/s does not.
// `--cpu-prof DIR` writes the server's CPU profile there when it stops (open it in Chrome DevTools).
const { values } = parseArgs({ options: { duration: { type: "string", default: "20" }, scenario: { type: "string", default: "mix" }, port: { type: "string", default: "3190" }, "cpu-prof": { type: "string" } } });
const duration = Number(values.duration);
if (!Number.isInteger(duration) || duration < 1 || duration > 300) throw new Error("--duration must be a whole number of seconds from 1 to 300.");
const scenario = values.scenario;
if (!["mix", "case-pages", "zips", "floor", "page-cpu"].includes(scenario)) throw new Error('--scenario must be "mix", "case-pages", "zips", "floor" or "page-cpu".');
const base = `http://127.0.0.1:${values.port}`;
const DATA_KEY = Buffer.alloc(32, 9).toString("base64");
const AUTH_SECRET = "load-run-only-Yw3Pq8Zr2Lx6Vm0Tn4Hk7Jc1Gd5Bf9S";

/** One kind of request, with its share of the connections and who makes it. */
interface Route {
  readonly name: string;
  readonly connections: number;
  /** Who makes it; none for requests made signed out. */
  readonly users: readonly string[];
  readonly paths: (area: LoadArea) => readonly string[];
}

const trpc = (path: string, input: unknown) => `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const REPS = ["police@northshire.example", "housing@northshire.example", "health@northshire.example", "childrens@northshire.example", "saheli@northshire.example"];
const HOLDERS = ["chair@northshire.example", "idva@northshire.example", "coordinator@northshire.example"];

const PAGE_CPU_USERS = ["chair@northshire.example", "housing@northshire.example"];
const CASE_PAGES: Route = { name: "Case page", connections: 8, users: [...HOLDERS, ...REPS], paths: (a) => a.caseIds.slice(0, 16).map((id) => `/cases/${id}`) };
const SCENARIOS: Record<string, readonly Route[]> = {
  mix: [
    CASE_PAGES,
    { name: "Case list search", connections: 3, users: HOLDERS, paths: (a) => ["/cases", "/cases?q=Akht", ...a.caseNumbers.slice(0, 6).map((n) => `/cases?q=${n}`)] },
    { name: "Pack page", connections: 3, users: REPS, paths: (a) => [`/meetings/${a.meetingId}/pack`] },
    { name: "Pack PDF", connections: 1, users: REPS, paths: (a) => [`/meetings/${a.meetingId}/pack.pdf`] },
    { name: "tRPC queries", connections: 5, users: [...HOLDERS, ...REPS], paths: (a) => [...a.caseIds.slice(0, 16).map((caseId) => trpc("cases.get", { caseId })), trpc("actions.mine", undefined)] },
  ],
  "case-pages": [{ ...CASE_PAGES, connections: 20 }],
  "page-cpu": [{ ...CASE_PAGES, connections: 1, users: PAGE_CPU_USERS }],
  floor: [
    { name: "Sign-in page", connections: 20, users: [], paths: () => ["/sign-in"] },
    { name: "Health check (tRPC)", connections: 20, users: [], paths: () => ["/api/trpc/health.ping"] },
  ],
};
/** Every invited agency's pack in one zip, five at a time without pause (issue 14 §3). */
const PACKS_ZIPS: Route = { name: "Packs zip", connections: 5, users: ["coordinator@northshire.example", "chair@northshire.example"], paths: (a) => [`/meetings/${a.meetingId}/packs.zip`] };

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/trpc/health.ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer on ${base} within 60 s.`);
}

/** The cookies a response sets, as a Cookie header; a name set twice keeps its last value, as a browser does. */
function cookiesOf(res: Response): string {
  const jar = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(";")[0] ?? "";
    jar.set(pair.split("=")[0] ?? "", pair);
  }
  return [...jar.values()].join("; ");
}

/** Signs in through next-auth's credentials callback, as the sign-in form does, and returns the cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD }),
  });
  const cookie = cookiesOf(res);
  if (!cookie.includes("session-token")) throw new Error(`Could not sign in as ${email} (status ${res.status}).`);
  await completeSecondFactor(email, cookie);
  return cookie;
}

/**
 * The demo enrols the admin, chair, coordinator and IDVA with the demo authenticator key (decision
 * 052): their session waits for a code, as the two-factor page sends it. Each user is signed in
 * once, so a code is never replayed within its 30-second step.
 */
async function completeSecondFactor(email: string, cookie: string): Promise<void> {
  const me = await fetch(`${base}/api/trpc/account.me`, { headers: { cookie } });
  if (me.ok) return;
  const res = await fetch(`${base}/api/trpc/account.verifySecondFactor`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ json: { code: totpCodeAt(DEMO_TOTP_SECRET, totpStep(new Date())) } }),
  });
  const body = (await res.json()) as { result?: { data?: { json?: { ok?: boolean } } } };
  if (body.result?.data?.json?.ok !== true) throw new Error(`Could not complete the authenticator step for ${email} (status ${res.status}).`);
}

async function sequentially<T>(runs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = [];
  for (const run of runs) out.push(await run());
  return out;
}

/** CPU seconds (user + system, all threads) of a process and every process below it, from /proc. */
function cpuSecondsOf(pid: number): number {
  // The fields after the command name, which may itself hold spaces: utime and stime are the 12th and 13th.
  const stat = (p: number) => {
    const line = readFileSync(`/proc/${p}/stat`, "utf8");
    return line.slice(line.lastIndexOf(")") + 2).split(" ");
  };
  const below = (p: number): number[] => readdirSync(`/proc/${p}/task`).flatMap((t) => readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(" ").filter(Boolean).map(Number));
  const ticks = (p: number): number => {
    const f = stat(p);
    return Number(f[11]) + Number(f[12]) + below(p).reduce((n, c) => n + ticks(c), 0);
  };
  return ticks(pid) / 100; // USER_HZ: 100 on Linux
}

/** The server's CPU milliseconds per page over `count` sequential requests of one case page. */
async function cpuPerPage(pid: number, path: string, cookie: string, count: number): Promise<number> {
  const get = async () => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}.`);
    await res.arrayBuffer();
  };
  for (let i = 0; i < 30; i++) await get();
  const before = cpuSecondsOf(pid);
  for (let i = 0; i < count; i++) await get();
  return ((cpuSecondsOf(pid) - before) * 1000) / count;
}

const percentile = (sorted: readonly number[], p: number) => (sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN));

async function drive(route: Route, area: LoadArea, cookies: ReadonlyMap<string, string>) {
  const targets = route.users.length === 0 ? route.paths(area).map((path) => ({ path, cookie: "" })) : route.users.flatMap((u) => route.paths(area).map((path) => ({ path, cookie: cookies.get(u) ?? "" })));
  let next = 0;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const options: autocannon.Options = {
    url: base,
    connections: route.connections,
    duration,
    maxOverallRequests: 500 * duration * route.connections, // a bound, whatever the machine
    timeout: 30,
    requests: [
      {
        setupRequest: (req) => {
          const t = targets[next++ % targets.length] ?? targets[0];
          return { ...req, method: "GET", path: t?.path ?? "/", headers: { cookie: t?.cookie ?? "" } };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)));
    instance.on("response", (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    route: route.name,
    connections: route.connections,
    "req/s": Math.round(result.requests.average * 10) / 10,
    "p50 ms": Math.round(percentile(latencies, 50)),
    "p95 ms": Math.round(percentile(latencies, 95)),
    "p99 ms": Math.round(percentile(latencies, 99)),
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    // Every response by status, so errors are explained (e.g. "200×900 307×12").
    statuses: [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" "),
  };
}

if (existsSync(".next/BUILD_ID")) bundleWorkers();
else buildApp();
const file = "data/load.db";
process.env.DATA_KEY = DATA_KEY;
const area = await prepareLoadArea(file);
// Node itself runs Next's CLI so that profiling flags reach the server (NODE_OPTIONS refuses --cpu-prof).
const profile = values["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", values["cpu-prof"]] : [];
const server = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "--port", values.port, "--hostname", "127.0.0.1"], { stdio: ["ignore", "ignore", "inherit"], env: toolEnv({ DATABASE_URL: file, DATA_KEY, AUTH_SECRET }) });
try {
  await waitForServer();
  const routes = scenario === "zips" ? [CASE_PAGES, PACKS_ZIPS] : (SCENARIOS[scenario] ?? []);
  const cookies = new Map<string, string>();
  for (const u of new Set(routes.flatMap((r) => r.users))) cookies.set(u, await signIn(u));
  // Warm every route once, so the table measures steady state rather than first compilation.
  for (const r of routes) for (const p of r.paths(area).slice(0, 2)) await fetch(`${base}${p}`, { headers: { cookie: cookies.get(r.users[0] ?? "") ?? "" } });
  if (scenario === "page-cpu") {
    const path = `/cases/${area.caseIds[0] ?? ""}`;
    const rows = [];
    for (const u of PAGE_CPU_USERS) rows.push({ page: "Case page", user: u, "server CPU ms per page": Math.round((await cpuPerPage(server.pid ?? 0, path, cookies.get(u) ?? "", 200)) * 10) / 10 });
    // The heaviest page: a representative's 16-case pack on screen.
    const housing = PAGE_CPU_USERS[1] ?? "";
    rows.push({ page: "Pack page", user: housing, "server CPU ms per page": Math.round(await cpuPerPage(server.pid ?? 0, `/meetings/${area.meetingId}/pack`, cookies.get(housing) ?? "", 20)) });
    console.table(rows);
  } else if (scenario === "zips") {
    console.log(`Case pages alone for ${duration} s, then with 5 packs zips in parallel for ${duration} s, against ${base}…`);
    const alone = await drive(CASE_PAGES, area, cookies);
    const [withZips, zips] = await Promise.all([drive(CASE_PAGES, area, cookies), drive(PACKS_ZIPS, area, cookies)]);
    console.table([{ ...alone, route: "Case page, alone" }, { ...withZips, route: "Case page, while zips render" }, zips]);
    console.log(`Case-page p95 while 5 packs zips render / alone: ${(withZips["p95 ms"] / alone["p95 ms"]).toFixed(2)} (target: at most 1.20)`);
  } else {
    console.log(`Driving "${scenario}" for ${duration} s${scenario === "floor" ? " per route" : ""} against ${base} (${scenario === "floor" ? 20 : routes.reduce((n, r) => n + r.connections, 0)} connections)…`);
    // The floor's routes run one after the other, each alone on the server; a mix runs together.
    const rows = scenario === "floor" ? await sequentially(routes.map((r) => () => drive(r, area, cookies))) : await Promise.all(routes.map((r) => drive(r, area, cookies)));
    console.table(rows);
  }
} finally {
  // Waiting for the exit lets a profiled server finish writing its profile.
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}
