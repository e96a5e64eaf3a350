CREATE TABLE `case_repeat_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`earlier_case_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`decided_by_user_id` text,
	`decided_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`earlier_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_repeat_links_case_idx` ON `case_repeat_links` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_risk_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`factor_id` text NOT NULL,
	`note_sealed` text NOT NULL,
	`flagged_by_user_id` text NOT NULL,
	`flagged_at` integer NOT NULL,
	`withdrawn_by_user_id` text,
	`withdrawn_at` integer,
	`withdraw_reason_sealed` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`flagged_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_risk_flags_case_idx` ON `case_risk_flags` (`case_id`);--> statement-breakpoint
CREATE TABLE `referral_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`sealed` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_drafts_author_idx` ON `referral_drafts` (`author_id`);--> statement-breakpoint
CREATE INDEX `referral_drafts_agency_idx` ON `referral_drafts` (`agency_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `triaged_at` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `triaged_by_user_id` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `decline_reason_sealed` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `scored_with` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `is_repeat` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `has_children` integer DEFAULT false NOT NULL;