import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Role } from "~/server/domain/roles";
import { takesPartInMarac } from "~/server/cases/access";
import { AppError, ConflictError } from "~/server/errors";
import { appMailer, sendWaitingEmails } from "~/server/services/notification-email";
import type { SessionUser } from "~/server/services/sessions";
import type { Context } from "./context";

/**
 * Who may call a procedure, stated on every procedure. The authorisation test reads it for every
 * procedure in the router and proves that the middleware enforces exactly this.
 */
export type Access = { kind: "public" } | { kind: "signed_in" } | { kind: "roles"; roles: readonly Role[]; maracMembersOnly?: true };
export type Meta = { access: Access };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError
          ? z.flattenError(cause).fieldErrors
          : error instanceof AppError
            ? error.fieldErrors
            : undefined;
      // Internal errors keep their detail in the server log, not in the response.
      const message = error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong. Try again, and tell your MARAC coordinator if it keeps happening." : shape.message;
      const conflict = error instanceof ConflictError ? { changedFields: error.changedFields, currentVersion: error.currentVersion } : null;
      return { ...shape, message, data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors: fieldErrors ?? null, conflict } };
    },
  });

export const createRouter = t.router;

/**
 * After a mutation has succeeded (its transaction committed), the notifications it raised are
 * emailed in the background: the caller never waits for the mail server, and a failure is logged.
 */
const emailAfterCommit = t.middleware(async ({ ctx, next, type }) => {
  const since = ctx.now();
  const result = await next();
  if (type === "mutation" && result.ok) {
    const mailer = appMailer();
    if (mailer) {
      setImmediate(() => {
        sendWaitingEmails(ctx.db, mailer, since).catch((e: unknown) => console.error(`Notification emails were not sent: ${e instanceof Error ? e.name : "error"}`));
      });
    }
  }
  return result;
});
const procedure = t.procedure.use(emailAfterCommit);
export const createCallerFactory = t.createCallerFactory;

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, user: ctx.user satisfies SessionUser } });
});

// A correct password with an authenticator code still to come buys nothing but the code step (decision 051).
const requireSignedIn = requireSession.unstable_pipe(({ ctx, next }) => {
  if (ctx.user.secondFactorPending) throw new TRPCError({ code: "FORBIDDEN", message: "Enter the code from your authenticator app before you continue." });
  return next({ ctx });
});

// A one-time password (after a reset or for a new account) buys nothing but choosing a new one.
const requireOwnPassword = requireSignedIn.unstable_pipe(({ ctx, next }) => {
  if (ctx.user.mustChangePassword) throw new TRPCError({ code: "FORBIDDEN", message: "Choose a new password before you continue." });
  return next({ ctx });
});

// Chairs, coordinators, IDVAs and admins set up an authenticator before anything else (decision 051).
const requireUser = requireOwnPassword.unstable_pipe(({ ctx, next }) => {
  if (ctx.user.mustEnrolSecondFactor) throw new TRPCError({ code: "FORBIDDEN", message: "Set up your authenticator app before you continue." });
  return next({ ctx });
});

/** Anyone, signed in or not. Only for health checks. */
export const publicProcedure = procedure.meta({ access: { kind: "public" } });

/** Any signed-in, active user. */
export const protectedProcedure = procedure.meta({ access: { kind: "signed_in" } }).use(requireUser);

/** Signed in, even with a one-time password still to replace: only what choosing a new one needs. */
export const passwordSetupProcedure = procedure.meta({ access: { kind: "signed_in" } }).use(requireSignedIn);

/** Signed in with the user's own password, even without the authenticator their role needs: only setting it up. */
export const secondFactorSetupProcedure = t.procedure.meta({ access: { kind: "signed_in" } }).use(requireOwnPassword);

/** A session whose password was right, even if its authenticator code is still to come: only checking the code. */
export const secondFactorProcedure = t.procedure.meta({ access: { kind: "signed_in" } }).use(requireSession);

/** Signed in with one of the given roles; anyone else gets FORBIDDEN. */
export function roleProcedure(...roles: readonly [Role, ...Role[]]) {
  return procedure
    .meta({ access: { kind: "roles", roles } })
    .use(requireUser)
    .use(({ ctx, next }) => {
      if (!roles.includes(ctx.user.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
      }
      return next({ ctx });
    });
}

/** The system owner: agencies, users, settings. No case content. */
export const adminProcedure = roleProcedure("admin");

/**
 * Signed in with one of the given roles AND from an agency that takes part in MARAC: everything the
 * MARAC produces (meetings, packs, research, minutes, actions, flags, repeat links). A non-member
 * agency (Immigration Enforcement) gets FORBIDDEN: it refers cases and sees their status, no more.
 */
export function maracProcedure(...roles: readonly [Role, ...Role[]]) {
  return procedure
    .meta({ access: { kind: "roles", roles, maracMembersOnly: true } })
    .use(requireUser)
    .use(({ ctx, next }) => {
      if (!roles.includes(ctx.user.role)) throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
      if (!takesPartInMarac(ctx.user)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Your agency does not attend MARAC, so it receives no MARAC information. You can see the referrals your agency made and whether each was accepted or declined." });
      }
      return next({ ctx });
    });
}
