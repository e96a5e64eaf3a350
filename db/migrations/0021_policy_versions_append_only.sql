-- Policy versions are the record of which rules applied on a day: append-only, like the audit log.
CREATE TRIGGER policy_versions_no_update BEFORE UPDATE ON policy_versions
BEGIN
  SELECT RAISE(ABORT, 'policy_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER policy_versions_no_delete BEFORE DELETE ON policy_versions
BEGIN
  SELECT RAISE(ABORT, 'policy_versions is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER policy_rows_no_update BEFORE UPDATE ON policy_rows
BEGIN
  SELECT RAISE(ABORT, 'policy_rows is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER policy_rows_no_delete BEFORE DELETE ON policy_rows
BEGIN
  SELECT RAISE(ABORT, 'policy_rows is append-only');
END;
