import { z } from "zod";
import { createRouter, publicProcedure } from "~/server/api/trpc";

export const healthRouter = createRouter({
  /** Liveness for the e2e web server and load balancers: says nothing about data. */
  ping: publicProcedure.output(z.strictObject({ ok: z.literal(true) })).query(() => ({ ok: true as const })),
});
