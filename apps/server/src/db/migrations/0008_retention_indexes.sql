-- Housekeeping deletes old rows in small batches across every site (src/maintenance/): each
-- sweep finds its rows through one of these indexes instead of scanning the table.
CREATE INDEX `member_tokens_expiry` ON `member_tokens` (`expires_at`);--> statement-breakpoint
CREATE INDEX `member_tokens_used` ON `member_tokens` (`used_at`);--> statement-breakpoint
CREATE INDEX `notifications_read` ON `notifications` (`read_at`);--> statement-breakpoint
CREATE INDEX `sessions_site_last_used` ON `sessions` (`site_id`,`last_used_at`);--> statement-breakpoint
CREATE INDEX `sessions_site_created` ON `sessions` (`site_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_status_updated` ON `submissions` (`status`,`updated_at`);