CREATE TABLE `policy_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`policy_version_id` text NOT NULL,
	`agency_type` text NOT NULL,
	`agency_id` text,
	`allow` text NOT NULL,
	`lawful_basis` text,
	FOREIGN KEY (`policy_version_id`) REFERENCES `policy_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `policy_rows_version_idx` ON `policy_rows` (`policy_version_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `policy_rows_version_agency_idx` ON `policy_rows` (`policy_version_id`,`agency_type`,`agency_id`);--> statement-breakpoint
CREATE TABLE `policy_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`proposal_id` text NOT NULL,
	`proposed_by` text NOT NULL,
	`approved_by` text NOT NULL,
	`in_force_from` integer NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `privileged_changes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_versions_version_unique` ON `policy_versions` (`version`);