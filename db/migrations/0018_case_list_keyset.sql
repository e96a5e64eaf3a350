DROP INDEX `cases_referral_date_idx`;--> statement-breakpoint
CREATE INDEX `cases_referral_order_idx` ON `cases` (`referral_date`,`case_number`);