import type { Metadata } from "next";
import { NoPermission } from "~/components/layout/problem-pages";

export const metadata: Metadata = { title: "You do not have permission" };

/** Rendered inside the app's layout, which already gives the header, <main> and footer. */
export default function Forbidden() {
  return <NoPermission />;
}
