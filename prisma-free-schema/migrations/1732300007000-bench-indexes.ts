import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the benchmark (bench/) showed to be needed at national scale.
 *
 * appointment (seat_id, kind, starts_on DESC): who sits on a seat now is the
 * latest-started appointment per seat and kind (SeatsService.occupancy, read for
 * every seat of every dashboard). The exclusion constraint's GiST index finds a
 * seat's appointments but not in date order, so each probe read and sorted all
 * of a seat's past terms (~20 per seat in the national data set); this index
 * answers each probe with its first entry (bench/README.md).
 */
export class BenchIndexes1732300007000 implements MigrationInterface {
  name = 'BenchIndexes1732300007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appointment_seat_latest_idx ON appointment (seat_id, kind, starts_on DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointment_seat_latest_idx`);
  }
}
