import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mail delivered twice (a sender that lost our 250 and retried, an IMAP
 * poller killed before it marked the mail seen) is stored once: found by its
 * Message-ID and envelope sender.
 */
export class InboundMessageId1732300027101 implements MigrationInterface {
  name = 'InboundMessageId1732300027101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX inbound_mail_message_id_idx ON inbound_mail (message_id, rate_key) WHERE message_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbound_mail_message_id_idx`);
  }
}
