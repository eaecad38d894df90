import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stale reminders (issue 16): the sweep looks for a later reminder of the same
 * series (subject, kind, person) before sending one that is due, and the skipped
 * ones are listed per person and per commission (cancelled rows only, newest first).
 */
export class ReminderSeries1732300016020 implements MigrationInterface {
  name = 'ReminderSeries1732300016020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX notification_series_idx ON notification (subject_id, kind, person_id, due_at)`);
    await q.query(`CREATE INDEX notification_cancelled_person_idx ON notification (person_id, updated_at DESC, id DESC) WHERE status = 'cancelled'`);
    await q.query(
      `CREATE INDEX notification_cancelled_commission_idx ON notification ((props->>'commissionId'), updated_at DESC, id DESC) WHERE status = 'cancelled'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_cancelled_commission_idx`);
    await q.query(`DROP INDEX notification_cancelled_person_idx`);
    await q.query(`DROP INDEX notification_series_idx`);
  }
}
