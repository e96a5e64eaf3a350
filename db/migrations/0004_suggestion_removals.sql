CREATE TABLE `case_suggestion_removals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` text NOT NULL,
	`path` text NOT NULL,
	`sentence_digest` text NOT NULL,
	`tag` text NOT NULL,
	`reason_sealed` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_suggestion_removals_case_idx` ON `case_suggestion_removals` (`case_id`,`path`);