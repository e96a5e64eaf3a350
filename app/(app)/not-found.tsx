import type { Metadata } from "next";
import { PageNotFound } from "~/components/layout/problem-pages";

export const metadata: Metadata = { title: "Page not found" };

/** Rendered inside the app's layout, which already gives the header, <main> and footer. */
export default function NotFound() {
  return <PageNotFound />;
}
