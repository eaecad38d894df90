import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18, the public register: what the secretariat has chosen to publish of a
 * commission (nothing until it chooses: no row, or `published` false, is not
 * public), and which deliverables it has published one by one when it does not
 * publish all delivered ones.
 */
export class PublicRegister1732400030000 implements MigrationInterface {
  name = 'PublicRegister1732400030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE commission_publication (
        commission_id uuid PRIMARY KEY REFERENCES commission(id) ON DELETE CASCADE,
        published boolean NOT NULL DEFAULT false,
        mandate boolean NOT NULL DEFAULT false,
        groups boolean NOT NULL DEFAULT false,
        organisations boolean NOT NULL DEFAULT false,
        member_names boolean NOT NULL DEFAULT false,
        deliverables text NOT NULL DEFAULT 'none' CHECK (deliverables IN ('none', 'all_delivered', 'chosen')),
        open_events boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES person(id) ON DELETE SET NULL,
        -- Names of members are shown beside their organisation's seats, so they need those.
        CONSTRAINT commission_publication_names_need_organisations CHECK (NOT member_names OR organisations),
        CONSTRAINT commission_publication_organisations_need_groups CHECK (NOT organisations OR groups)
      )`);
    await q.query(`
      CREATE TABLE deliverable_publication (
        deliverable_id uuid PRIMARY KEY REFERENCES deliverable(id) ON DELETE CASCADE,
        commission_id uuid NOT NULL REFERENCES commission(id) ON DELETE CASCADE,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX deliverable_publication_commission_idx ON deliverable_publication (commission_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deliverable_publication, commission_publication`);
  }
}
