import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { clientAddress } from "~/server/auth/client-address";
import { getCurrentUser } from "~/server/auth";
import { getDb } from "~/server/db";
import { createInnerContext } from "./context";
import { createCaller } from "./root";

/**
 * The tRPC caller for Server Components and server actions: the same procedures, the same
 * authorisation and output schemas as the HTTP API, so pages never reach the database directly.
 */
export async function getServerApi() {
  return createCaller(createInnerContext({ db: getDb(), user: await getCurrentUser(), transport: "rsc", clientAddress: clientAddress(await headers()) }));
}

/** Runs a page's read; turns the procedure's refusal into the sign-in redirect, a 403 or a 404 page. */
export async function readOrRefuse<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") redirect("/sign-in");
    if (e instanceof TRPCError && e.code === "FORBIDDEN") forbidden();
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
