-- drizzle-kit writes an expression in an index as a quoted column name; the two json_extract indexes are corrected by hand (decision 075).
DROP INDEX `case_perpetrators_case_idx`;--> statement-breakpoint
CREATE INDEX `case_perpetrators_case_idx` ON `case_perpetrators` (`case_id`,`position`,`date_of_birth`);--> statement-breakpoint
CREATE INDEX `case_household_children_idx` ON `case_household_members` (`case_id`,json_extract(`data`, '$.isChild'));--> statement-breakpoint
CREATE INDEX `case_victims_report_idx` ON `case_victims` (`case_id`,`date_of_birth`,json_extract(`data`, '$.gender'),json_extract(`data`, '$.ethnicity'));--> statement-breakpoint
CREATE INDEX `cases_report_idx` ON `cases` (`id`,`version`,`referral_date`,`is_repeat`,`referring_agency_id`);--> statement-breakpoint
CREATE INDEX `cases_referrals_idx` ON `cases` (`referral_date`,`referring_agency_id`,`referring_agency_name`);