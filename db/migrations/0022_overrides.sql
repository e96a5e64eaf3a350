CREATE TABLE `case_override_approvals` (
	`override_id` text NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`approved_at` integer NOT NULL,
	PRIMARY KEY(`override_id`, `user_id`),
	FOREIGN KEY (`override_id`) REFERENCES `case_overrides`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_override_items` (
	`override_id` text NOT NULL,
	`item` text NOT NULL,
	`victim_view` text,
	`view_note_sealed` text,
	`proportionality_sealed` text,
	PRIMARY KEY(`override_id`, `item`),
	FOREIGN KEY (`override_id`) REFERENCES `case_overrides`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`tag` text NOT NULL,
	`reason_sealed` text NOT NULL,
	`decision_ref` text NOT NULL,
	`end_date` text NOT NULL,
	`third_party_considered` integer DEFAULT false NOT NULL,
	`recorded_by_user_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`approved_at` integer,
	`revoked_at` integer,
	`revoked_by_user_id` text,
	`revoke_reason_sealed` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_overrides_case_idx` ON `case_overrides` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_overrides_effect_idx` ON `case_overrides` (`approved_at`,`revoked_at`,`end_date`);--> statement-breakpoint
CREATE TABLE `victim_tasks` (
	`override_id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`note_sealed` text,
	`completed_by_user_id` text,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`override_id`) REFERENCES `case_overrides`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`completed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `victim_tasks_status_idx` ON `victim_tasks` (`status`,`due_date`);