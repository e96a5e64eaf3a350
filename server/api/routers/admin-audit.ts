import { z } from "zod";
import { adminProcedure, createRouter } from "~/server/api/trpc";
import { listAudit } from "~/server/services/audit-view";

const ZAuditRow = z.strictObject({
  id: z.number().int(),
  at: z.date(),
  action: z.string(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.string().nullable(),
});

export const adminAuditRouter = createRouter({
  list: adminProcedure
    .input(z.object({ page: z.number().int().min(1).max(100_000).default(1) }).default({ page: 1 }))
    .output(z.strictObject({ rows: z.array(ZAuditRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }))
    .query(({ ctx, input }) => listAudit(ctx.db, input.page)),
});
