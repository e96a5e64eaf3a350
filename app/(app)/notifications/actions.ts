"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import { getServerApi } from "~/server/api/server-caller";
import { safeLocalPath } from "~/server/http/safe-path";

/** The unread count lives in the layout, which a redirect alone leaves as it was. */
const refreshCount = () => revalidatePath("/", "layout");

/** Opening a notification marks it read and goes where it points (a path on this site only). */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  await (await getServerApi()).notifications.markRead({ id: Number(v.id) });
  refreshCount();
  redirect(safeLocalPath(v.link, "/notifications"));
}

export async function markReadAction(formData: FormData): Promise<void> {
  await (await getServerApi()).notifications.markRead({ id: Number(formValues(formData).id) });
  refreshCount();
  redirect("/notifications?saved=read");
}

export async function markAllReadAction(): Promise<void> {
  await (await getServerApi()).notifications.markAllRead();
  refreshCount();
  redirect("/notifications?saved=all");
}
