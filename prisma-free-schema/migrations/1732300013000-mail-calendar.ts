import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar part of a meeting mail gets its own column: the sender makes it
 * a `text/calendar; method=…` alternative of the body (what Outlook and Gmail
 * read to show accept/decline) besides the .ics attachment, from the row as
 * rendered, so a retry still sends exactly what was rendered. Rows written
 * before keep their .ics among the attachments and go out as they were.
 */
export class MailCalendar1732300013000 implements MigrationInterface {
  name = 'MailCalendar1732300013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox ADD COLUMN calendar jsonb`);
    await q.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_calendar_check CHECK (
         calendar IS NULL OR (
           jsonb_typeof(calendar) = 'object'
           AND calendar->>'method' IN ('REQUEST', 'CANCEL', 'PUBLISH')
           AND jsonb_typeof(calendar->'content') = 'string'
           AND calendar->>'filename' ~ '^[A-Za-z0-9._-]{1,100}\\.ics$'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox DROP COLUMN calendar`);
  }
}
