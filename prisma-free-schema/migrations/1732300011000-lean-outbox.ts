import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer indexes on the two tables the worker writes most (bench/README.md, mail
 * and sweep): every outbox mail is updated twice and every owed reminder is
 * inserted and updated, and each non-HOT write adds an entry to every index.
 *
 * - mail_outbox.status (every row, an entry at every write) becomes a partial
 *   index of sent mail by when, which gets one entry per mail and is what the
 *   metrics count (the unsent and failed counts have their partial indexes).
 * - mail_outbox.message_id: unique because it is derived from the row id; a
 *   CHECK now says so, and the unique index goes.
 * - notification.status and (subject_type, subject_id): nothing reads by them;
 *   the owed partial indexes serve the sweep, the metrics and the minutes area.
 *
 * A reminder's status follows its mail (queued → sent or failed; back to queued
 * when the mail is sent again) by a trigger, where the application used to run
 * a second UPDATE in a transaction around every mark-sent: the worker now marks
 * a batch of mail sent in one statement, and nothing can forget the follow-up.
 */
export class LeanOutbox1732300011000 implements MigrationInterface {
  name = 'LeanOutbox1732300011000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mail_outbox_status_idx`);
    await q.query(`CREATE INDEX mail_outbox_sent_idx ON mail_outbox (sent_at) WHERE status = 'sent'`);
    await q.query(`ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_message_id_from_id CHECK (message_id LIKE '<' || id::text || '@%>')`);
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_message_id_key`);
    await q.query(`DROP INDEX notification_status_idx`);
    await q.query(`DROP INDEX notification_subject_idx`);
    await q.query(`
      CREATE FUNCTION notification_follow_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE notification
           SET status = CASE NEW.status WHEN 'pending' THEN 'queued' ELSE NEW.status END, updated_at = now()
         WHERE outbox_id = NEW.id
           AND status = ANY (CASE NEW.status WHEN 'pending' THEN ARRAY['sent', 'failed'] ELSE ARRAY['queued'] END);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER notification_follows_mail AFTER UPDATE OF status ON mail_outbox
        FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.status IN ('sent', 'failed', 'pending'))
        EXECUTE FUNCTION notification_follow_mail()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER notification_follows_mail ON mail_outbox`);
    await q.query(`DROP FUNCTION notification_follow_mail()`);
    await q.query(`CREATE INDEX notification_subject_idx ON notification (subject_type, subject_id)`);
    await q.query(`CREATE INDEX notification_status_idx ON notification (status)`);
    await q.query(`ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_message_id_key UNIQUE (message_id)`);
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_message_id_from_id`);
    await q.query(`DROP INDEX mail_outbox_sent_idx`);
    await q.query(`CREATE INDEX mail_outbox_status_idx ON mail_outbox (status)`);
  }
}
