import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders owed to people (notification), how each person wants them
 * (notification_preference) and outgoing mail (mail_outbox). Postgres is the
 * source of truth: a queue that loses everything can be rebuilt from these rows.
 */
export class Notifications1732300002000 implements MigrationInterface {
  name = 'Notifications1732300002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 300),
        template text NOT NULL CHECK (length(template) BETWEEN 1 AND 100),
        person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        commission_id uuid,
        to_address text NOT NULL CHECK (length(to_address) <= 320 AND to_address ~ '^[^@\\s<>,;"]+@[^@\\s<>,;"]+$'),
        to_name text CHECK (to_name IS NULL OR (length(to_name) <= 200 AND to_name !~ '[\\r\\n]')),
        locale text NOT NULL CHECK (locale IN ('sv', 'da', 'en')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 500 AND subject !~ '[\\r\\n]'),
        html text NOT NULL,
        text_body text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(attachments) = 'array'),
        message_id text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        smtp_response text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz,
        CONSTRAINT mail_outbox_dedupe_key UNIQUE (dedupe_key),
        CONSTRAINT mail_outbox_message_id_key UNIQUE (message_id),
        CHECK ((status = 'sending') = (lease_until IS NOT NULL)),
        CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    // The sweep and the metrics read only unsent rows, by when they are next due.
    await q.query(`CREATE INDEX mail_outbox_unsent_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX mail_outbox_person_idx ON mail_outbox (person_id, created_at DESC, id) WHERE person_id IS NOT NULL`);
    await q.query(`CREATE INDEX mail_outbox_commission_idx ON mail_outbox (commission_id, created_at DESC, id) WHERE commission_id IS NOT NULL`);
    await q.query(`CREATE INDEX mail_outbox_failed_idx ON mail_outbox (failed_at DESC) WHERE status = 'failed'`);
    await q.query(`CREATE INDEX mail_outbox_status_idx ON mail_outbox (status)`);

    await q.query(`
      CREATE TABLE notification_preference (
        person_id uuid PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
        delivery text NOT NULL DEFAULT 'immediate' CHECK (delivery IN ('immediate', 'daily', 'weekly')),
        opted_out_kinds text[] NOT NULL DEFAULT '{}' CHECK (cardinality(opted_out_kinds) <= 100),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
        subject_type text NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 100),
        subject_id uuid NOT NULL,
        due_at timestamptz NOT NULL CHECK (due_at > '2000-01-01' AND due_at < '2200-01-01'),
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 300),
        props jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(props) = 'object'),
        status text NOT NULL DEFAULT 'owed' CHECK (status IN ('owed', 'queued', 'sent', 'cancelled', 'failed')),
        delivery text CHECK (delivery IN ('immediate', 'daily', 'weekly')),
        outbox_id uuid REFERENCES mail_outbox (id) ON DELETE SET NULL,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_dedupe_key UNIQUE (dedupe_key),
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX notification_owed_idx ON notification (due_at) WHERE status = 'owed'`);
    await q.query(`CREATE INDEX notification_owed_kind_idx ON notification (kind, due_at) WHERE status = 'owed'`);
    await q.query(`CREATE INDEX notification_owed_person_idx ON notification (person_id, due_at) WHERE status = 'owed'`);
    await q.query(`CREATE INDEX notification_subject_idx ON notification (subject_type, subject_id)`);
    await q.query(`CREATE INDEX notification_outbox_idx ON notification (outbox_id) WHERE outbox_id IS NOT NULL`);
    await q.query(`CREATE INDEX notification_status_idx ON notification (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification, notification_preference, mail_outbox`);
  }
}
