-- What the owner console reads: a form's deliveries by their topic (`form:<id>`), posts and
-- spam per day for the overview, hidden posts for moderation, and the inbox's search.
ALTER TABLE `outbox` ADD `topic` text;--> statement-breakpoint
CREATE INDEX `outbox_topic` ON `outbox` (`site_id`,`topic`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `posts_site_created` ON `posts` (`site_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `posts_site_hidden` ON `posts` (`site_id`,`created_at`) WHERE "posts"."hidden" = 1 AND "posts"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `submissions_site_spam` ON `submissions` (`site_id`,`created_at`) WHERE "submissions"."spam_reasons" <> '[]';
--> statement-breakpoint
-- Deliveries queued before topics existed: a form's webhooks name the form in their payload, and
-- its notifications are keyed `job_<submission id>.notify`.
UPDATE `outbox` SET `topic` = 'form:' || json_extract(`payload`, '$.formId')
WHERE `kind` = 'webhook' AND json_extract(`payload`, '$.formId') IS NOT NULL;
--> statement-breakpoint
UPDATE `outbox` SET `topic` = (
  SELECT 'form:' || s.`form_id` FROM `submissions` AS s
  WHERE s.`id` = substr(`outbox`.`id`, 5, length(`outbox`.`id`) - 11)
)
WHERE `kind` = 'email' AND substr(`id`, 1, 4) = 'job_' AND substr(`id`, -7) = '.notify';
--> statement-breakpoint
-- The inbox's search (contact/submission-search.ts): a trigram index of each submission's values
-- and sender address, so that any text of three characters or more is found by the index rather
-- than by reading every submission of the site. Contentless (the text is in `submissions`
-- already) and without positions (detail = 'none'): about a fifth of the size of a full index.
-- The index only narrows the search; the exact match is decided on the rows it finds. Rows are
-- keyed by the submission's rowid, which VACUUM and VACUUM INTO (backups) keep.
CREATE VIRTUAL TABLE `submissions_search` USING fts5(
  body,
  tokenize = 'trigram',
  detail = 'none',
  content = '',
  contentless_delete = 1
);
--> statement-breakpoint
CREATE TRIGGER `submissions_search_insert` AFTER INSERT ON `submissions` BEGIN
  INSERT INTO `submissions_search` (rowid, body) VALUES (new.rowid, coalesce((SELECT group_concat(j.`value`, char(10)) FROM json_tree(new.`data`) AS j WHERE j.`type` = 'text'), '') || char(10) || coalesce(new.`email`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `submissions_search_delete` AFTER DELETE ON `submissions` BEGIN
  DELETE FROM `submissions_search` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
-- Submissions are never edited today; should that change, the index follows.
CREATE TRIGGER `submissions_search_update` AFTER UPDATE OF `data`, `email` ON `submissions` BEGIN
  DELETE FROM `submissions_search` WHERE rowid = old.rowid;
  INSERT INTO `submissions_search` (rowid, body) VALUES (new.rowid, coalesce((SELECT group_concat(j.`value`, char(10)) FROM json_tree(new.`data`) AS j WHERE j.`type` = 'text'), '') || char(10) || coalesce(new.`email`, ''));
END;
--> statement-breakpoint
INSERT INTO `submissions_search` (rowid, body)
SELECT s.rowid, coalesce((SELECT group_concat(j.`value`, char(10)) FROM json_tree(s.`data`) AS j WHERE j.`type` = 'text'), '') || char(10) || coalesce(s.`email`, '') FROM `submissions` AS s;
