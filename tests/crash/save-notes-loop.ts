import { createDb } from "../../db/client";
import { createFieldCipher } from "../../server/crypto/field-cipher";
import { saveCaseNotes } from "../../server/services/minutes";
import type { SessionUser } from "../../server/services/sessions";

// The child process of the crash test: saves one case's meeting notes again and again, as a chair
// typing would, until it is killed. Arguments: database file, data key (base64), JSON of the
// user, meeting id, case id.
const [file, key, userJson, meetingId, caseId] = process.argv.slice(2);
if (!file || !key || !userJson || !meetingId || !caseId) throw new Error("usage: save-notes-loop FILE KEY USER MEETING CASE");
const db = createDb(file);
const cipher = createFieldCipher(Buffer.from(key, "base64"));
const user = JSON.parse(userJson) as SessionUser;
let version: number | null = null;
for (let i = 0; ; i++) {
  const discussion = `Saved ${i} times. ${"The chair summarised the risks and the agencies agreed a safety plan. ".repeat(20)}`;
  const result = saveCaseNotes(db, cipher, user, { meetingId, caseId, version, discussion, risks: `Risk note ${i}.`, safetyPlan: `Safety plan ${i}.` }, new Date());
  if (!result.saved) throw new Error(result.message);
  version = result.version;
  if (i === 0) process.stdout.write("saving\n");
}
