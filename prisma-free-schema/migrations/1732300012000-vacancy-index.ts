import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Principal appointments by the day they end (open-ended ones last for ever).
 * The weekly vacant-seat reminder reads the appointments running today as one
 * range of this index and anti-joins the seats against them, instead of probing
 * every seat's appointments one by one (bench/README.md, sweep).
 */
export class VacancyIndex1732300012000 implements MigrationInterface {
  name = 'VacancyIndex1732300012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX appointment_principal_until_idx ON appointment ((coalesce(ends_on, 'infinity'::date)), seat_id) WHERE kind = 'principal'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appointment_principal_until_idx`);
  }
}
