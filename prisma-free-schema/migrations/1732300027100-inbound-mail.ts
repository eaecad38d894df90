import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inbound mail (issue 21): every received message is first a row (its raw
 * source kept for INBOUND_RAW_RETENTION_DAYS), then processed by a job. The
 * row is the state machine: received → processing (under a lease, so a killed
 * worker's mail is taken over) → done, with what it was and what came of it.
 * Bounces mark their outbox row; repeated hard bounces flag the address; an
 * RSVP taken from a calendar reply is listed with the answers given from mail.
 */
export class InboundMail1732300027100 implements MigrationInterface {
  name = 'InboundMail1732300027100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbound_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        received_at timestamptz NOT NULL DEFAULT now(),
        channel text NOT NULL CHECK (channel IN ('smtp', 'imap')),
        envelope_from text CHECK (length(envelope_from) <= 500),
        envelope_to text[] NOT NULL DEFAULT '{}' CHECK (cardinality(envelope_to) <= 100),
        rate_key text NOT NULL CHECK (length(rate_key) BETWEEN 1 AND 500),
        sender text CHECK (length(sender) <= 500),
        subject text CHECK (length(subject) <= 500),
        message_id text CHECK (length(message_id) <= 500),
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        raw bytea,
        raw_purged_at timestamptz,
        state text NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'processing', 'done')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        lease_until timestamptz,
        kind text CHECK (kind IN ('calendar-reply', 'calendar-counter', 'bounce', 'auto-reply', 'loop', 'other')),
        result text CHECK (length(result) <= 100),
        detail jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(detail) = 'object' AND length(detail::text) <= 20000),
        processed_at timestamptz,
        commission_id uuid,
        meeting_id uuid,
        person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        outbox_id uuid,
        CHECK ((state = 'processing') = (lease_until IS NOT NULL)),
        CHECK ((state = 'done') = (processed_at IS NOT NULL AND kind IS NOT NULL AND result IS NOT NULL)),
        CHECK (raw IS NOT NULL OR raw_purged_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX inbound_mail_owed_idx ON inbound_mail (received_at) WHERE state <> 'done'`);
    await q.query(`CREATE INDEX inbound_mail_rate_idx ON inbound_mail (rate_key, received_at)`);
    await q.query(`CREATE INDEX inbound_mail_commission_idx ON inbound_mail (commission_id, received_at DESC, id DESC) WHERE commission_id IS NOT NULL`);
    await q.query(`CREATE INDEX inbound_mail_raw_idx ON inbound_mail (received_at) WHERE raw IS NOT NULL`);
    await q.query(`CREATE INDEX inbound_mail_person_idx ON inbound_mail (person_id) WHERE person_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE mail_address_flag (
        address text PRIMARY KEY CHECK (address = lower(address) AND length(address) <= 320),
        hard_bounces integer NOT NULL DEFAULT 0 CHECK (hard_bounces >= 0),
        flagged_at timestamptz,
        last_bounce_at timestamptz NOT NULL DEFAULT now(),
        last_reason text CHECK (length(last_reason) <= 1000)
      )`);
    await q.query(`CREATE INDEX mail_address_flag_flagged_idx ON mail_address_flag (flagged_at DESC) WHERE flagged_at IS NOT NULL`);

    await q.query(`
      ALTER TABLE mail_outbox
        ADD COLUMN bounce_kind text CHECK (bounce_kind IN ('hard', 'soft')),
        ADD COLUMN bounce_reason text CHECK (length(bounce_reason) <= 1000),
        ADD COLUMN bounced_at timestamptz,
        ADD CONSTRAINT mail_outbox_bounce_check CHECK ((bounce_kind IS NULL) = (bounced_at IS NULL))`);
    await q.query(`CREATE INDEX mail_outbox_hard_bounce_idx ON mail_outbox (lower(to_address)) WHERE bounce_kind = 'hard'`);

    await q.query(`ALTER TABLE mail_link_use ADD COLUMN channel text NOT NULL DEFAULT 'mail-link' CHECK (channel IN ('mail-link', 'calendar-reply'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_link_use DROP COLUMN channel`);
    await q.query(`DROP INDEX mail_outbox_hard_bounce_idx`);
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_bounce_check, DROP COLUMN bounced_at, DROP COLUMN bounce_reason, DROP COLUMN bounce_kind`);
    await q.query(`DROP TABLE mail_address_flag`);
    await q.query(`DROP TABLE inbound_mail`);
  }
}
