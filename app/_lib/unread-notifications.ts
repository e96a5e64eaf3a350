import "server-only";
import { cache } from "react";
import { getServerApi } from "~/server/api/server-caller";

/**
 * The signed-in user's unread count, once per request: what has fallen due is raised first
 * (decision 057), so opening any page brings the count up to date.
 */
export const unreadNotifications = cache(async (): Promise<number> => {
  const api = await getServerApi();
  await api.notifications.checkDue();
  return api.notifications.unreadCount();
});
