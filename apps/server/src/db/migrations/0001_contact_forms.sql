CREATE TABLE `forms` (
	`site_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`settings` text NOT NULL,
	`webhook_secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `spent_tokens` (
	`site_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `token_hash`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `spent_tokens_expiry` ON `spent_tokens` (`expires_at`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`form_id` text NOT NULL,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`spam_reasons` text NOT NULL,
	`email` text,
	`ip` text,
	`user_agent` text,
	`content_hash` text NOT NULL,
	`notified_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `submissions_site_created` ON `submissions` (`site_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `submissions_site_form_status` ON `submissions` (`site_id`,`form_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_site_hash` ON `submissions` (`site_id`,`content_hash`,`created_at`);--> statement-breakpoint
ALTER TABLE `sites` ADD `signing_secret` text DEFAULT '' NOT NULL;--> statement-breakpoint
UPDATE `sites` SET `signing_secret` = lower(hex(randomblob(32))) WHERE `signing_secret` = '';
