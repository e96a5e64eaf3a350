CREATE TABLE `case_sealing_legacy` (
	`case_id` text PRIMARY KEY NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
