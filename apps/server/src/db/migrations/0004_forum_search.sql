-- Full-text search over thread titles and post bodies (SQLite FTS5, which libSQL includes).
-- One row per post, keyed by the post's rowid; the opening post also carries the thread title.
-- Triggers keep it in step inside the same transaction as every write, so search never lags.
-- Visibility (hidden, deleted, members-only categories) is decided at query time by joining.
CREATE VIRTUAL TABLE `forum_search` USING fts5(
  title,
  body,
  site_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `posts_search_insert` AFTER INSERT ON `posts` BEGIN
  INSERT INTO `forum_search` (rowid, title, body, site_id)
  VALUES (
    new.rowid,
    CASE WHEN new.number = 1 THEN (SELECT `title` FROM `threads` WHERE `id` = new.thread_id) ELSE '' END,
    new.body_source,
    new.site_id
  );
END;
--> statement-breakpoint
CREATE TRIGGER `posts_search_update` AFTER UPDATE OF `body_source` ON `posts` BEGIN
  UPDATE `forum_search` SET body = new.body_source WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `posts_search_delete` AFTER DELETE ON `posts` BEGIN
  DELETE FROM `forum_search` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `threads_search_title` AFTER UPDATE OF `title` ON `threads` BEGIN
  UPDATE `forum_search` SET title = new.title
  WHERE rowid = (SELECT rowid FROM `posts` WHERE `thread_id` = new.id AND `number` = 1);
END;
