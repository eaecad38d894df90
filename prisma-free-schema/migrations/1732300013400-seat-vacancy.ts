import { MigrationInterface, QueryRunner } from 'typeorm';

/** The count trigger; `heldOverLast` puts seats held over after the vacant ones. */
const syncSeats = (heldOverLast: boolean) => `
  CREATE OR REPLACE FUNCTION seat_allocation_sync_seats() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    active int;
    top int;
    retired int;
  BEGIN
    SELECT count(*), coalesce(max(number), 0) INTO active, top FROM seat WHERE allocation_id = NEW.id AND retired_at IS NULL;
    SELECT greatest(top, coalesce(max(number), 0)) INTO top FROM seat WHERE allocation_id = NEW.id;
    IF NEW.seat_count > active THEN
      INSERT INTO seat (allocation_id, number)
      SELECT NEW.id, top + n FROM generate_series(1, NEW.seat_count - active) AS n;
    ELSIF NEW.seat_count < active THEN
      WITH vacant AS (
        SELECT s.id FROM seat s
         WHERE s.allocation_id = NEW.id AND s.retired_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM appointment a
                            WHERE a.seat_id = s.id AND (a.ends_on IS NULL OR a.ends_on >= current_date))
         ORDER BY ${heldOverLast
           ? `(SELECT g.holdover_allowed FROM working_group g WHERE g.id = NEW.working_group_id)
                 AND EXISTS (SELECT 1 FROM appointment a WHERE a.seat_id = s.id AND a.kind = 'principal' AND a.starts_on <= current_date),
                  s.number DESC`
           : 's.number DESC'}
         LIMIT active - NEW.seat_count
      ), gone AS (
        UPDATE seat s SET retired_at = now() FROM vacant v WHERE s.id = v.id RETURNING 1
      )
      SELECT count(*) INTO retired FROM gone;
      IF retired < active - NEW.seat_count THEN
        RAISE EXCEPTION 'seat count % is below the seats filled', NEW.seat_count
          USING ERRCODE = 'check_violation', CONSTRAINT = 'seat_allocation_count_covers_filled';
      END IF;
    END IF;
    RETURN NEW;
  END $$`;

/**
 * One meaning of a vacant seat (issue 16; libs/seats, SeatsService).
 *
 * When each seat came to be (a new allocation, or a raised count): a seat never held
 * is vacant since then, and the weekly "vacant seat" reminder waits
 * SEAT_VACANCY_GRACE_DAYS from that day when no nomination request covers it
 * (seats.reminders.ts). Seats made before this migration take their allocation's
 * creation time: the closest record of it there is.
 *
 * Lowering a count retires vacant seats first: a seat held over (its member sits on
 * until a successor starts) is not vacant, so it goes only when no vacant seat is left
 * (before, the highest-numbered seat without a running term went, held over or not).
 */
export class SeatVacancy1732300013400 implements MigrationInterface {
  name = 'SeatVacancy1732300013400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE seat ADD COLUMN created_at timestamptz`);
    await q.query(`UPDATE seat s SET created_at = sa.created_at FROM seat_allocation sa WHERE sa.id = s.allocation_id`);
    await q.query(`ALTER TABLE seat ALTER COLUMN created_at SET DEFAULT now(), ALTER COLUMN created_at SET NOT NULL`);
    await q.query(syncSeats(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(syncSeats(false));
    await q.query(`ALTER TABLE seat DROP COLUMN created_at`);
  }
}
