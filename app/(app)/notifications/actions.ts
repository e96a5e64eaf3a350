"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import { getServerApi } from "~/server/api/server-caller";
import { safeLocalPath } from "~/server/http/safe-path";

/** Opening a notification marks it read and goes where it points (a path on this site only). */
export async function openNotificationAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  await (await getServerApi()).notifications.markRead({ id: Number(v.id) });
  redirect(safeLocalPath(v.link, "/notifications"));
}

export async function markReadAction(formData: FormData): Promise<void> {
  await (await getServerApi()).notifications.markRead({ id: Number(formValues(formData).id) });
  redirect("/notifications?saved=read");
}

export async function markAllReadAction(): Promise<void> {
  await (await getServerApi()).notifications.markAllRead();
  redirect("/notifications?saved=all");
}
