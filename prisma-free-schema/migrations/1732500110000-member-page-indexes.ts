import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * My page asks, for the signed-in person, the nomination requests they are the
 * contact for and still have to answer, and the action items assigned to them
 * that are still open. Neither had an index on the person: in the benchmark's
 * national data set the first read every open request (4,773 rows, 2,768 pages)
 * to find a member's one (bench/README.md, the web pages). Each is now one range
 * of a partial index, already in the order the page lists them.
 */
export class MemberPageIndexes1732500110000 implements MigrationInterface {
  name = 'MemberPageIndexes1732500110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX nomination_request_contact_open_idx ON nomination_request (contact_person_id, deadline) WHERE status = 'sent'`);
    await q.query(`CREATE INDEX action_item_assignee_open_idx ON action_item (assignee_person_id, due_on) WHERE status IN ('open', 'in_progress')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX action_item_assignee_open_idx`);
    await q.query(`DROP INDEX nomination_request_contact_open_idx`);
  }
}
