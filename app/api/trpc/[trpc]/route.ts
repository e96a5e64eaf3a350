import { handleTrpcRequest } from "~/server/api/http-handler";
import { createInnerContext } from "~/server/api/context";
import { getCurrentUser } from "~/server/auth";
import { clientAddress } from "~/server/auth/client-address";
import { getDb } from "~/server/db";

const handler = (req: Request) => handleTrpcRequest(req, async () => createInnerContext({ db: getDb(), user: await getCurrentUser(), clientAddress: clientAddress(req.headers) }));

export { handler as GET, handler as POST };
