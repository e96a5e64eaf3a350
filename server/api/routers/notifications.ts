import { z } from "zod";
import { createRouter, protectedProcedure } from "~/server/api/trpc";
import { listNotifications, markRead, raiseDueNotifications, unreadCount } from "~/server/services/notifications";

const ZNotificationDto = z.strictObject({ id: z.number().int(), text: z.string(), link: z.string(), createdAt: z.date(), read: z.boolean() });
const ZNotificationId = z.strictObject({ id: z.number({ error: "Choose a notification from the list." }).int().positive({ error: "Choose a notification from the list." }) });

/** Every signed-in user reads and clears only their own notifications (decision 057). */
export const notificationsRouter = createRouter({
  list: protectedProcedure.output(z.array(ZNotificationDto)).query(({ ctx }) => listNotifications(ctx.db, ctx.user)),
  unreadCount: protectedProcedure.output(z.number().int()).query(({ ctx }) => unreadCount(ctx.db, ctx.user)),
  /** Raises what has fallen due for this user (actions, research): run when they open the app. */
  checkDue: protectedProcedure.output(z.void()).mutation(({ ctx }) => raiseDueNotifications(ctx.db, ctx.user, ctx.now())),
  markRead: protectedProcedure.input(ZNotificationId).output(z.void()).mutation(({ ctx, input }) => markRead(ctx.db, ctx.user, input.id, ctx.now())),
  markAllRead: protectedProcedure.output(z.void()).mutation(({ ctx }) => markRead(ctx.db, ctx.user, "all", ctx.now())),
});
