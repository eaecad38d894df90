import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers given from signed links in mail (libs/mail-actions). A link that is
 * meant to be used once has at most one row here: the unique index decides a
 * double submit, and the row is written in the same transaction as the change.
 * `audit_event.origin` marks audit rows of changes that came from a mail link.
 */
export class MailActions1732300006000 implements MigrationInterface {
  name = 'MailActions1732300006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_link_use (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        link_id uuid NOT NULL,
        action text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
        single_use boolean NOT NULL,
        state text NOT NULL DEFAULT 'used' CHECK (state IN ('used', 'revoked')),
        person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        subject_type text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 100),
        subject_id uuid NOT NULL,
        commission_id uuid,
        answer jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(answer) = 'object' AND length(answer::text) <= 20000),
        request_id text CHECK (length(request_id) <= 200),
        at timestamptz NOT NULL DEFAULT now(),
        CHECK (state = 'used' OR single_use)
      )`);
    // One row per single-use (or revoked) link: a replay or a concurrent second submit fails here and rolls back.
    await q.query(`CREATE UNIQUE INDEX mail_link_use_once ON mail_link_use (link_id) WHERE single_use`);
    await q.query(`CREATE INDEX mail_link_use_link_idx ON mail_link_use (link_id)`);
    await q.query(`CREATE INDEX mail_link_use_commission_idx ON mail_link_use (commission_id, at DESC, id) WHERE commission_id IS NOT NULL`);
    await q.query(`CREATE INDEX mail_link_use_subject_idx ON mail_link_use (subject_type, subject_id)`);
    await q.query(`ALTER TABLE audit_event ADD COLUMN origin text CHECK (length(origin) <= 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event DROP COLUMN origin`);
    await q.query(`DROP TABLE mail_link_use`);
  }
}
