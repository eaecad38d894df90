import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19, following a review round: the secretariat reminds the reviewers who
 * have not answered from the round's page. The round counts its reminders (the
 * page sends the number of the one it means, so a double press sends one), and
 * each reviewer keeps when they were last reminded and how often.
 */
export class ReviewReminders1732500060000 implements MigrationInterface {
  name = 'ReviewReminders1732500060000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE review_round
        ADD COLUMN reminders_sent int NOT NULL DEFAULT 0 CONSTRAINT review_round_reminders_sent_check CHECK (reminders_sent >= 0),
        ADD COLUMN last_reminded_at timestamptz`);
    await q.query(`
      ALTER TABLE review_reviewer
        ADD COLUMN reminder_count int NOT NULL DEFAULT 0 CONSTRAINT review_reviewer_reminder_count_check CHECK (reminder_count >= 0),
        ADD COLUMN reminded_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_reviewer DROP COLUMN reminded_at, DROP COLUMN reminder_count`);
    await q.query(`ALTER TABLE review_round DROP COLUMN last_reminded_at, DROP COLUMN reminders_sent`);
  }
}
