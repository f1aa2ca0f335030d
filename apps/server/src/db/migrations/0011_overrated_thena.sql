CREATE TABLE `member_recovery_codes` (
	`site_id` text NOT NULL,
	`member_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	PRIMARY KEY(`member_id`, `code_hash`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `member_sign_in_challenges` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`member_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_sign_in_challenges_member` ON `member_sign_in_challenges` (`site_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `member_sign_in_challenges_expiry` ON `member_sign_in_challenges` (`expires_at`);--> statement-breakpoint
CREATE TABLE `member_totp` (
	`member_id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`secret` text,
	`pending_secret` text,
	`enabled_at` integer,
	`last_step` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_totp_site` ON `member_totp` (`site_id`);--> statement-breakpoint
ALTER TABLE `member_tokens` ADD `browser_hash` text;