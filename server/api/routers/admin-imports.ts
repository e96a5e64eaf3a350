import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { IMPORT_JOB_STATUSES } from "~/db/schema";
import { adminProcedure, createRouter } from "~/server/api/trpc";
import { readImportJob, startImportJob } from "~/server/services/import-jobs";

const ZIssue = z.strictObject({ path: z.string(), message: z.string() });

/** Imports from the admin page, run on a worker thread as jobs (decision 064). */
export const adminImportsRouter = createRouter({
  start: adminProcedure
    .input(z.object({ document: z.unknown() }))
    .output(z.discriminatedUnion("ok", [z.strictObject({ ok: z.literal(true), jobId: z.string() }), z.strictObject({ ok: z.literal(false), issues: z.array(ZIssue) })]))
    .mutation(({ ctx, input }) => startImportJob(ctx.db, ctx.user, input.document, ctx.now())),

  get: adminProcedure
    .input(z.object({ id: z.uuid({ error: "That is not an import's reference" }) }))
    .output(
      z.strictObject({
        id: z.string(),
        status: z.enum(IMPORT_JOB_STATUSES),
        saving: z.boolean(),
        total: z.number().int(),
        done: z.number().int(),
        startedAt: z.date(),
        finishedAt: z.date().nullable(),
        importedCount: z.number().int(),
        problemCount: z.number().int(),
        caseNumbers: z.array(z.string()).nullable(),
        issues: z.array(ZIssue).nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const job = await readImportJob(ctx.db, ctx.user, input.id);
      if (!job) throw new TRPCError({ code: "NOT_FOUND", message: "There is no such import." });
      return job;
    }),
});
