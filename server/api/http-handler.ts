import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "~/env";
import { TRPC_MAX_BATCH, withBodyLimit } from "~/server/http/request-limits";
import type { Context } from "./context";
import { appRouter } from "./root";

/**
 * tRPC over HTTP: the body is bounded (declared length checked, stream cut off) before tRPC
 * parses it, and a batch holds at most TRPC_MAX_BATCH procedures.
 */
export async function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  const limited = withBodyLimit(req);
  if (limited instanceof Response) return limited;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH,
    createContext,
    onError: ({ path, error }) => {
      if (env.NODE_ENV === "development" || error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC error on ${path ?? "?"}:`, error);
    },
  });
}
