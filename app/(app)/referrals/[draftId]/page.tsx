import { redirect } from "next/navigation";

/** A draft's address on its own opens its first page. */
export default async function DraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  redirect(`/referrals/${draftId}/victim`);
}
