"use client";

import Link from "next/link";
import "./globals.css";

/** A failure in the root layout itself: the page has to bring its own <html> and marking. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen bg-white">
        <p className="bg-ink px-4 py-1 text-center text-sm font-bold text-white">OFFICIAL-SENSITIVE</p>
        <main id="main-content" className="mx-auto max-w-5xl px-4 py-8">
          <h1>Sorry, there is a problem with the service</h1>
          <p className="mb-4">Try again later.</p>
          {error.digest ? <p className="mb-4 text-secondary">If you contact your administrator, give them this reference: {error.digest}</p> : null}
          <p>
            <Link href="/">Go to your home page</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
