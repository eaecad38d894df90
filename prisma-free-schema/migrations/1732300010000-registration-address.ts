import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an anonymous registration for an open event came from, so one address
 * cannot flood events with registrations (and their confirmation mails).
 */
export class RegistrationAddress1732300010000 implements MigrationInterface {
  name = 'RegistrationAddress1732300010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration ADD COLUMN registered_from text CHECK (registered_from IS NULL OR length(registered_from) <= 100)`);
    await q.query(`CREATE INDEX registration_from_idx ON registration (registered_from, created_at) WHERE registered_from IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registration DROP COLUMN registered_from`);
  }
}
