CREATE TABLE `meeting_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`description_sealed` text NOT NULL,
	`tags` text NOT NULL,
	`owning_agency_id` text NOT NULL,
	`owner_name` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`status_note_sealed` text,
	`created_by_user_id` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owning_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_actions_agency_idx` ON `meeting_actions` (`owning_agency_id`,`status`);--> statement-breakpoint
CREATE INDEX `meeting_actions_case_idx` ON `meeting_actions` (`case_id`);