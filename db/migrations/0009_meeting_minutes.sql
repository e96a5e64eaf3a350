CREATE TABLE `meeting_case_notes` (
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`discussion_sealed` text NOT NULL,
	`risks_sealed` text NOT NULL,
	`minutes_taken` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `case_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_records` (
	`meeting_id` text PRIMARY KEY NOT NULL,
	`confidentiality_agreed` integer DEFAULT false NOT NULL,
	`attendance` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
