import Link from "next/link";

/*
 * The words of the 404 and 403 pages. Inside the app they render in its layout (one header, one
 * <main>); the root files wrap them in the page shell for addresses outside any layout.
 */

export function PageNotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>
      <p className="mb-4">If you followed a link to a case, it may have been deleted under the retention period, or your agency may not be able to see it.</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}

export function NoPermission() {
  return (
    <>
      <h1>You do not have permission to see this page</h1>
      <p className="mb-4">Your role does not include this part of MARAC Desk. If you think it should, ask your MARAC coordinator.</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
