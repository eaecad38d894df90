import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, a member's own pages: conflicts of interest a member declares
 * before the meeting, the people a date poll asks (its mail and signed vote
 * links), and the extra header lines a mail carries on the wire
 * (List-Unsubscribe, RFC 8058), kept with the row so a retry sends them again.
 */
export class MemberPages1732300031000 implements MigrationInterface {
  name = 'MemberPages1732300031000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE interest_declaration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agenda_item_id uuid NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
        declared_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT interest_declaration_key UNIQUE (agenda_item_id, person_id)
      )`);
    await q.query(`CREATE INDEX interest_declaration_person_idx ON interest_declaration (person_id)`);
    await q.query(`
      CREATE TABLE date_poll_invitee (
        poll_id uuid NOT NULL REFERENCES date_poll(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (poll_id, person_id)
      )`);
    await q.query(`CREATE INDEX date_poll_invitee_person_idx ON date_poll_invitee (person_id)`);
    await q.query(`ALTER TABLE mail_outbox ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_outbox DROP COLUMN headers`);
    await q.query(`DROP TABLE date_poll_invitee, interest_declaration`);
  }
}
