import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "~/server/api/context";
import { appRouter, createCaller } from "~/server/api/root";
import type { Access } from "~/server/api/trpc";
import type { Role } from "~/server/domain/roles";
import { ensureSettings } from "~/server/services/settings";
import type { SessionUser } from "~/server/services/sessions";
import { hostileInput, type SchemaNode } from "../helpers/hostile-input";
import { rowCounter } from "../helpers/row-counts";
import { createTestDb } from "../helpers/test-db";
import { sessionUserFor } from "../helpers/users";

type AnyProcedure = { _def: { meta?: { access?: Access }; type: string; inputs: z.ZodType[] } };
const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
  .filter(([, p]) => p._def.type === "mutation")
  .sort(([a], [b]) => a.localeCompare(b));

/** Inputs per mutation (issue #14 §6), from a fixed seed so a failure replays. */
const RUNS = 1000;

/**
 * Every tRPC mutation, called by a user it allows with inputs generated from its own input schema:
 * none may fail with a server error, and a refused call writes nothing (every table's row count is
 * unchanged).
 */
describe("mutations under hostile input", () => {
  const t = createTestDb();
  const users = new Map<Role, SessionUser>();
  const rowCounts = rowCounter(t.db);

  beforeAll(async () => {
    ensureSettings(t.db, "Fuzz MARAC", new Date(), "FZ");
    for (const role of ["chair", "coordinator", "idva", "agency_rep", "admin"] as const) users.set(role, await sessionUserFor(t.db, role, role === "agency_rep" ? "housing" : undefined));
  });
  afterAll(() => t.cleanup());

  it("finds the mutations", () => expect(mutations.length).toBeGreaterThan(20));

  it.each(mutations)("%s answers every input without a server error, and a refusal changes nothing", async (path, proc) => {
    const access = proc._def.meta?.access;
    const role = access?.kind === "roles" ? access.roles[0] : "chair";
    const user = role ? users.get(role) : undefined;
    if (!user) throw new Error(`${path}: no test user for its access rule`);
    const schema = proc._def.inputs[0];
    const node = (schema ? z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) : {}) as SchemaNode;
    const caller = createCaller(createInnerContext({ db: t.db, user }));
    let call: unknown = caller;
    for (const part of path.split(".")) call = (call as Record<string, unknown>)[part];

    await fc.assert(
      fc.asyncProperty(hostileInput(node), async (input) => {
        const before = rowCounts();
        try {
          await (call as (input: unknown) => Promise<unknown>)(input);
        } catch (e) {
          if (!(e instanceof TRPCError)) throw e;
          if (e.code === "INTERNAL_SERVER_ERROR") throw new Error(`${path} failed with a server error: ${String(e.cause ?? e.message)}`);
          expect(rowCounts(), `${path} refused (${e.code}) but wrote rows`).toBe(before);
        }
      }),
      { numRuns: RUNS, seed: 20261129 },
    );
  }, 300_000);
});
