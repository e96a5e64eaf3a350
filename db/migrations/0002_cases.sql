CREATE TABLE `case_dash_answers` (
	`case_id` text NOT NULL,
	`question_id` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`case_id`, `question_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_household_members` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`position` integer NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_household_case_idx` ON `case_household_members` (`case_id`,`position`);--> statement-breakpoint
CREATE TABLE `case_name_tokens` (
	`case_id` text NOT NULL,
	`token` text NOT NULL,
	`party` text NOT NULL,
	PRIMARY KEY(`token`, `case_id`, `party`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_name_tokens_case_idx` ON `case_name_tokens` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_narratives` (
	`case_id` text PRIMARY KEY NOT NULL,
	`sealed` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_number_sequences` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_perpetrators` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`date_of_birth` text,
	`data` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_perpetrators_case_idx` ON `case_perpetrators` (`case_id`,`position`);--> statement-breakpoint
CREATE INDEX `case_perpetrators_dob_idx` ON `case_perpetrators` (`date_of_birth`);--> statement-breakpoint
CREATE TABLE `case_revisions` (
	`case_id` text NOT NULL,
	`version` integer NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`changed_paths` text NOT NULL,
	PRIMARY KEY(`case_id`, `version`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_victim_views` (
	`case_id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_victims` (
	`case_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`date_of_birth` text,
	`data` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_victims_dob_idx` ON `case_victims` (`date_of_birth`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`status` text NOT NULL,
	`referring_agency_id` text,
	`referring_agency_name` text NOT NULL,
	`referral_date` text NOT NULL,
	`dash_score` integer NOT NULL,
	`accepted_at` integer,
	`data` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by_user_id` text,
	FOREIGN KEY (`referring_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number_idx` ON `cases` (`case_number`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`referral_date`);--> statement-breakpoint
CREATE INDEX `cases_referring_agency_idx` ON `cases` (`referring_agency_id`);--> statement-breakpoint
CREATE INDEX `cases_referral_date_idx` ON `cases` (`referral_date`);--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`case_id` text NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` text NOT NULL,
	`agency_name` text NOT NULL,
	`agency_type` text NOT NULL,
	`surface` text NOT NULL,
	`tags_shown` text NOT NULL,
	`tags_withheld` text NOT NULL,
	`policy_version` integer NOT NULL,
	`purpose` text,
	`consultation` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `disclosures_case_idx` ON `disclosures` (`case_id`,`at`);--> statement-breakpoint
CREATE INDEX `disclosures_agency_idx` ON `disclosures` (`agency_id`,`at`);--> statement-breakpoint
ALTER TABLE `marac_settings` ADD `case_number_prefix` text DEFAULT 'MARAC' NOT NULL;