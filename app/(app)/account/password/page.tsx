import Link from "next/link";
import type { Metadata } from "next";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Change your password" };

export default function ChangePasswordPage() {
  return (
    <div className="max-w-2xl">
      <Link href="/account" className="mb-6 inline-block">Back to your account</Link>
      <h1>Change your password</h1>
      <PasswordForm />
    </div>
  );
}
