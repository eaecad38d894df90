import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings and deliverables were built side by side: an agenda item's deliverable
 * now points at a real deliverable (and loses the link if it is deleted).
 */
export class AgendaDeliverables1732300009000 implements MigrationInterface {
  name = 'AgendaDeliverables1732300009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE agenda_item a SET deliverable_id = NULL WHERE deliverable_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deliverable d WHERE d.id = a.deliverable_id)`);
    await q.query(`ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_deliverable_fkey FOREIGN KEY (deliverable_id) REFERENCES deliverable (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX agenda_item_deliverable_idx ON agenda_item (deliverable_id) WHERE deliverable_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX agenda_item_deliverable_idx`);
    await q.query(`ALTER TABLE agenda_item DROP CONSTRAINT agenda_item_deliverable_fkey`);
  }
}
