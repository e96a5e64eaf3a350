ALTER TABLE `marac_settings` ADD `confidentiality_statement` text DEFAULT 'This meeting shares information about victims at high risk of serious harm or murder from domestic abuse, to agree a safety plan for each. Everything discussed here is confidential and must not be shared outside the meeting. Information shared here must not be passed to anyone else without the agreement of the agency that shared it. Minutes and papers must be kept confidential and appropriately restricted, and must not be copied or shared without the agreement of the agencies concerned. The MARAC is not an agency: responsibility for each action stays with the agency that agrees to it.' NOT NULL;--> statement-breakpoint
ALTER TABLE `case_research` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `meeting_case_notes` ADD `safety_plan_sealed` text;--> statement-breakpoint
ALTER TABLE `meeting_case_notes` ADD `timer_started_at` integer;--> statement-breakpoint
ALTER TABLE `meeting_case_notes` ADD `completed_at` integer;--> statement-breakpoint
ALTER TABLE `meeting_records` ADD `statement_confirmed_by_user_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `meeting_records` ADD `statement_confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `meetings` ADD `research_deadline` text;