-- The disclosure log is append-only from the application, like the audit log.
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'disclosures is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
BEGIN
  SELECT RAISE(ABORT, 'disclosures is append-only');
END;
