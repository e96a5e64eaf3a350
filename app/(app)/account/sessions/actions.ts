"use server";

import { revalidatePath } from "next/cache";
import { formValues } from "~/app/_lib/form-data";
import { getServerApi } from "~/server/api/server-caller";

/** Ends one of the user's own sessions (the procedure ends nothing else). */
export async function endSessionAction(formData: FormData): Promise<void> {
  await (await getServerApi()).account.endSession({ handle: formValues(formData).handle ?? "" }).catch(() => undefined);
  revalidatePath("/account/sessions");
}
