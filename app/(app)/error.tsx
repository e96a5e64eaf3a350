"use client";

import Link from "next/link";
/**
 * Anything unexpected inside the app: shown in the app's layout (one header, one <main>). The
 * digest lets an administrator find the error in the server log; no detail of it reaches the page.
 */
export default function AppError({ error }: { error: Error & { digest?: string } }) {
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p className="mb-4">Try again later. What you had saved is safe; anything not yet saved may need to be entered again.</p>
      {error.digest ? <p className="mb-4 text-secondary">If you contact your administrator, give them this reference: {error.digest}</p> : null}
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
