import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status reports to the commissioning body:
 * - `status_report`: one immutable JSONB snapshot of a commission for a period. A
 *   trigger refuses every UPDATE, so a report reads the same years later; a unique
 *   key allows one scheduled report per commission and period, whatever the number
 *   of workers or restarts;
 * - `report_custom_period`: the periods of a commission whose cadence is `custom`
 *   (no two overlap);
 * - `status_report_read`: who opened a report page, and when (kept beside the
 *   report, which cannot change).
 */
export class Reports1732300005000 implements MigrationInterface {
  name = 'Reports1732300005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE commission DROP CONSTRAINT commission_report_cadence_check`);
    await q.query(`
      ALTER TABLE commission ADD CONSTRAINT commission_report_cadence_check
        CHECK (report_cadence IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'custom', 'none'))`);
    await q.query(`
      CREATE TABLE report_custom_period (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CONSTRAINT report_custom_period_no_overlap
          EXCLUDE USING gist (commission_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
      )`);
    await q.query(`
      CREATE TABLE status_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        period_key text NOT NULL CHECK (period_key ~ '^[0-9]{4}(-[0-9]{2}|-Q[1-4]|-H[12]|-[0-9]{2}-[0-9]{2}\\.\\.[0-9]{4}-[0-9]{2}-[0-9]{2})?$'),
        period_start date NOT NULL,
        period_end date NOT NULL,
        as_of date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('scheduled', 'on_demand')),
        previous_report_id uuid REFERENCES status_report (id),
        rag text NOT NULL CHECK (rag IN ('on_track', 'at_risk', 'late', 'no_data')),
        is_empty boolean NOT NULL,
        summary jsonb NOT NULL CHECK (jsonb_typeof(summary) = 'object'),
        snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
        compiled_at timestamptz NOT NULL DEFAULT now(),
        compiled_by uuid REFERENCES person (id),
        compile_ms int NOT NULL DEFAULT 0 CHECK (compile_ms >= 0),
        CHECK (period_end >= period_start),
        CHECK (as_of >= period_start)
      )`);
    // One scheduled report per commission and period; on-demand reports may be many.
    await q.query(`CREATE UNIQUE INDEX status_report_one_per_period ON status_report (commission_id, period_key) WHERE kind = 'scheduled'`);
    await q.query(`CREATE INDEX status_report_commission_idx ON status_report (commission_id, period_end DESC, compiled_at DESC)`);
    await q.query(`
      CREATE TRIGGER status_report_immutable BEFORE UPDATE ON status_report
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TABLE status_report_read (
        report_id uuid NOT NULL REFERENCES status_report (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        as_commissioner boolean NOT NULL,
        first_opened_at timestamptz NOT NULL DEFAULT now(),
        last_opened_at timestamptz NOT NULL DEFAULT now(),
        open_count int NOT NULL DEFAULT 1 CHECK (open_count >= 1),
        PRIMARY KEY (report_id, person_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE status_report_read, status_report, report_custom_period`);
    await q.query(`UPDATE commission SET report_cadence = 'none' WHERE report_cadence = 'custom'`);
    await q.query(`ALTER TABLE commission DROP CONSTRAINT commission_report_cadence_check`);
    await q.query(`
      ALTER TABLE commission ADD CONSTRAINT commission_report_cadence_check
        CHECK (report_cadence IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'none'))`);
  }
}
