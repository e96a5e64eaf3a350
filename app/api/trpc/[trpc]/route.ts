import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "~/env";
import { createInnerContext } from "~/server/api/context";
import { appRouter } from "~/server/api/root";
import { getCurrentUser } from "~/server/auth";
import { getDb } from "~/server/db";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createInnerContext({ db: getDb(), user: await getCurrentUser() }),
    onError: ({ path, error }) => {
      if (env.NODE_ENV === "development" || error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC error on ${path ?? "?"}:`, error);
    },
  });

export { handler as GET, handler as POST };
