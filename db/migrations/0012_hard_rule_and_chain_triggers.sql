-- The hard rule at the agency level (decision 033): an Immigration Enforcement agency keeps that
-- type for ever, no agency becomes Immigration Enforcement later, and it is never a MARAC member
-- (the CHECK agencies_ie_not_member already covers membership on every write; these triggers
-- cover the type, which the CHECK alone cannot see changing).
CREATE TRIGGER agencies_ie_type_is_permanent BEFORE UPDATE OF type ON agencies
WHEN (OLD.type = 'immigration_enforcement') <> (NEW.type = 'immigration_enforcement')
BEGIN
  SELECT RAISE(ABORT, 'an Immigration Enforcement agency keeps its type, and no agency can become one');
END;
--> statement-breakpoint
CREATE TRIGGER agencies_ie_never_member_insert BEFORE INSERT ON agencies
WHEN NEW.type = 'immigration_enforcement' AND NEW.is_marac_member <> 0
BEGIN
  SELECT RAISE(ABORT, 'Immigration Enforcement can never be a MARAC member');
END;
--> statement-breakpoint
CREATE TRIGGER agencies_ie_never_member_update BEFORE UPDATE OF type, is_marac_member ON agencies
WHEN NEW.type = 'immigration_enforcement' AND NEW.is_marac_member <> 0
BEGIN
  SELECT RAISE(ABORT, 'Immigration Enforcement can never be a MARAC member');
END;
--> statement-breakpoint
-- Failed sign-ins and locks are now keyed by a keyed digest of the address typed (decision 034);
-- drop the rows that still hold what was typed in clear. At worst this ends a current lock early.
DELETE FROM sign_in_failures;
--> statement-breakpoint
DELETE FROM sign_in_locks;
