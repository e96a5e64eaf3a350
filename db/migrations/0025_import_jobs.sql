CREATE TABLE `import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`started_by_user_id` text,
	`started_at` integer NOT NULL,
	`total` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`finished_at` integer,
	`imported_count` integer DEFAULT 0 NOT NULL,
	`problem_count` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`started_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
