import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { createMeetingAction } from "../actions";
import { MeetingForm } from "../meeting-form";

export const metadata: Metadata = { title: "Create a meeting" };

export default async function NewMeetingPage() {
  const options = await readOrRefuse(async () => (await getServerApi()).meetings.formOptions());
  return (
    <div className="max-w-2xl">
      <Link href="/meetings" className="mb-6 inline-block">Back to meetings</Link>
      <h1>Create a meeting</h1>
      <MeetingForm action={createMeetingAction} chairs={options.chairs} agencies={options.agencies} submitLabel="Create meeting" />
    </div>
  );
}
