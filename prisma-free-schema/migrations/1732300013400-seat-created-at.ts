import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each seat came to be (a new allocation, or a raised count). A seat that has
 * never had a principal is vacant since then; the weekly "vacant seat" reminder
 * waits SEAT_VACANCY_GRACE_DAYS from that day when no nomination request covers it
 * (libs/seats, seats.reminders.ts). Seats made before this migration take their
 * allocation's creation time: the closest record of it there is.
 */
export class SeatCreatedAt1732300013400 implements MigrationInterface {
  name = 'SeatCreatedAt1732300013400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE seat ADD COLUMN created_at timestamptz`);
    await q.query(`UPDATE seat s SET created_at = sa.created_at FROM seat_allocation sa WHERE sa.id = s.allocation_id`);
    await q.query(`ALTER TABLE seat ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE seat DROP COLUMN created_at`);
  }
}
