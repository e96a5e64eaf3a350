import { z } from "zod";
import { createRouter, roleProcedure } from "~/server/api/trpc";
import { dashboards } from "~/server/services/dashboards";
import { quarterlyReturn } from "~/server/services/reports";
import { requireFreshSecondFactor } from "~/server/services/two-factor";

/** Chairs and coordinators see every figure; the admin sees the suppressed aggregates only, without those built from sensitive values. */
const returnReaders = roleProcedure("chair", "coordinator", "admin");

export const ZQuarterInput = z.object({
  year: z.number({ error: "Enter the year as a whole number" }).int({ error: "Enter the year as a whole number" }).min(2000, { error: "Choose a year from 2000" }).max(2100, { error: "Choose a year up to 2100" }),
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "Choose a quarter from 1 to 4" }),
});

const ZShown = z.union([z.number().int(), z.literal("<5"), z.literal("[c]")]);
const ZReturnRow = z.strictObject({
  key: z.string(),
  label: z.string(),
  count: ZShown.nullable(),
  rate: z.string().nullable(),
  benchmark: z.strictObject({ national: z.string(), expected: z.string().optional() }),
  sensitive: z.boolean(),
});
export const ZQuarterlyReturn = z.strictObject({
  areaName: z.string(),
  quarter: z.strictObject({ year: z.number().int(), quarter: z.number().int() }),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  adultFemalePopulation: z.number().int().nullable(),
  rows: z.array(ZReturnRow),
});

const ZDashboard = z.strictObject({
  title: z.string(),
  rowLabels: z.array(z.string()),
  colLabels: z.array(z.string()),
  cells: z.array(z.array(ZShown)),
  rowTotals: z.array(ZShown),
  colTotals: z.array(ZShown),
  grand: ZShown,
});
export const ZDashboards = z.strictObject({
  year: z.number().int(),
  scope: z.enum(["area", "own_agency"]),
  referrals: ZDashboard,
  daysToMeeting: ZDashboard.extend({ median: z.number().int().nullable() }).nullable(),
  research: ZDashboard.nullable(),
  actions: ZDashboard.nullable(),
  overdue: ZDashboard.nullable(),
});

export const reportsRouter = createRouter({
  /** Every role: an IDVA or agency representative gets their own agency's referral figures only. */
  dashboards: roleProcedure("chair", "coordinator", "admin", "idva", "agency_rep")
    .input(z.object({ year: ZQuarterInput.shape.year }))
    .output(ZDashboards)
    .query(({ ctx, input }) => dashboards(ctx.db, ctx.user, input.year, ctx.now())),


  quarterlyReturn: returnReaders
    .input(ZQuarterInput.extend({ format: z.enum(["screen", "csv", "xlsx", "pdf"]).default("screen") }))
    .output(ZQuarterlyReturn)
    .query(({ ctx, input }) => {
      // A file leaves the service: downloading one needs a recent authenticator code (decision 051).
      if (input.format !== "screen") requireFreshSecondFactor(ctx.user, ctx.now());
      return quarterlyReturn(ctx.db, ctx.cipher, ctx.user, { year: input.year, quarter: input.quarter }, input.format, ctx.now());
    }),
});
