import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { updateMeetingAction } from "../../actions";
import { MeetingForm } from "../../meeting-form";

export const metadata: Metadata = { title: "Change a meeting" };

export default async function EditMeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  const { meeting, options } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [meeting, options] = await Promise.all([api.meetings.get({ meetingId }), api.meetings.formOptions()]);
    return { meeting, options };
  });
  return (
    <div className="max-w-2xl">
      <Link href={`/meetings/${meetingId}`} className="mb-6 inline-block">Back to the meeting</Link>
      <h1>Change the meeting</h1>
      <MeetingForm
        action={updateMeetingAction}
        meeting={{ ...meeting, invited: meeting.invited.map((a) => a.id) }}
        chairs={options.chairs}
        agencies={options.agencies}
        submitLabel="Save changes"
      />
    </div>
  );
}
