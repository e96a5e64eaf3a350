-- Cases closed before closed_at existed: the retention period runs from their last change.
UPDATE cases SET closed_at = updated_at WHERE status = 'closed' AND closed_at IS NULL;
--> statement-breakpoint
-- The disclosure log stays append-only, with two narrow exceptions. Decision 037: a row written
-- before the tags shown and the purpose were sealed may have them sealed, once. Decision 046: when
-- a case is deleted under the retention schedule (it has a tombstone), its rows keep who saw it,
-- when, as which agency and through which surface, but lose what they say about its content: the
-- tags shown become '' and the purpose NULL; every other column stays as it was.
DROP TRIGGER disclosures_no_update;
--> statement-breakpoint
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
WHEN NOT (
  NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.case_id IS OLD.case_id AND NEW.user_id IS OLD.user_id
  AND NEW.user_name IS OLD.user_name AND NEW.role IS OLD.role AND NEW.agency_id IS OLD.agency_id
  AND NEW.agency_name IS OLD.agency_name AND NEW.agency_type IS OLD.agency_type AND NEW.surface IS OLD.surface
  AND NEW.tags_withheld IS OLD.tags_withheld AND NEW.policy_version IS OLD.policy_version
  AND NEW.consultation IS OLD.consultation
  AND (
    (
      OLD.tags_shown NOT LIKE 'enc:v1:%' AND OLD.tags_shown <> '' AND NEW.tags_shown LIKE 'enc:v1:%'
      AND (NEW.purpose IS OLD.purpose OR (OLD.purpose NOT LIKE 'enc:v1:%' AND NEW.purpose LIKE 'enc:v1:%'))
    )
    OR (
      NEW.tags_shown = '' AND NEW.purpose IS NULL
      AND EXISTS (SELECT 1 FROM case_tombstones WHERE case_tombstones.case_id = OLD.case_id)
    )
  )
)
BEGIN
  SELECT RAISE(ABORT, 'disclosures is append-only');
END;
