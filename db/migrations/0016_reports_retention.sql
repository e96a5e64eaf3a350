CREATE TABLE `case_tombstones` (
	`case_id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`referral_date` text NOT NULL,
	`closed_at` integer,
	`deleted_at` integer NOT NULL,
	`reason` text NOT NULL,
	`proposed_by_user_id` text NOT NULL,
	`approved_by_user_id` text NOT NULL,
	FOREIGN KEY (`proposed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `deletion_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`case_number` text NOT NULL,
	`reason` text NOT NULL,
	`proposed_by_user_id` text NOT NULL,
	`proposed_at` integer NOT NULL,
	`status` text NOT NULL,
	`decided_by_user_id` text,
	`decided_at` integer,
	FOREIGN KEY (`proposed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deletion_proposals_case_idx` ON `deletion_proposals` (`case_id`,`status`);--> statement-breakpoint
ALTER TABLE `marac_settings` ADD `adult_female_population` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_at` integer;