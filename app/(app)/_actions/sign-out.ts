"use server";

import { signOut } from "~/server/auth/config";

/** Ends the server-side session (auth events) and clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
