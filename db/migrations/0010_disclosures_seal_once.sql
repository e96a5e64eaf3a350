-- The disclosure log stays append-only, with one exception (decision 037): a row written before
-- the tags shown and the purpose were sealed may have them sealed, once. Plaintext becomes
-- ciphertext and every other column stays as it was; a sealed row can never be changed again.
DROP TRIGGER disclosures_no_update;
--> statement-breakpoint
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
WHEN NOT (
  OLD.tags_shown NOT LIKE 'enc:v1:%' AND NEW.tags_shown LIKE 'enc:v1:%'
  AND (NEW.purpose IS OLD.purpose OR (OLD.purpose NOT LIKE 'enc:v1:%' AND NEW.purpose LIKE 'enc:v1:%'))
  AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.case_id IS OLD.case_id AND NEW.user_id IS OLD.user_id
  AND NEW.user_name IS OLD.user_name AND NEW.role IS OLD.role AND NEW.agency_id IS OLD.agency_id
  AND NEW.agency_name IS OLD.agency_name AND NEW.agency_type IS OLD.agency_type AND NEW.surface IS OLD.surface
  AND NEW.tags_withheld IS OLD.tags_withheld AND NEW.policy_version IS OLD.policy_version
  AND NEW.consultation IS OLD.consultation
)
BEGIN
  SELECT RAISE(ABORT, 'disclosures is append-only');
END;
