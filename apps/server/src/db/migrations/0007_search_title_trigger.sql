-- The title trigger looked up a thread's opening post by thread id alone, which SQLite answered
-- from no index: a scan of every post on each rename. (site_id, thread_id, number) is the
-- posts_thread_number index, so with the site it is a point lookup.
DROP TRIGGER `threads_search_title`;
--> statement-breakpoint
CREATE TRIGGER `threads_search_title` AFTER UPDATE OF `title` ON `threads` BEGIN
  UPDATE `forum_search` SET title = new.title
  WHERE rowid = (
    SELECT rowid FROM `posts`
    WHERE `site_id` = new.site_id AND `thread_id` = new.id AND `number` = 1
  );
END;
