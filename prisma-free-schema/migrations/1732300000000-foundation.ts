import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People, accounts, sessions, login attempts and the append-only audit trail.
 */
export class Foundation1732300000000 implements MigrationInterface {
  name = 'Foundation1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`
      CREATE FUNCTION is_time_zone(tz text) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        IF tz IS NULL OR tz !~ '^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+){1,2})$' THEN
          RETURN false;
        END IF;
        PERFORM now() AT TIME ZONE tz;
        RETURN true;
      EXCEPTION WHEN invalid_parameter_value THEN
        RETURN false;
      END $$`);

    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME
          USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_immutable';
      END $$`);

    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        full_name text NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
        email text CHECK (email IS NULL OR (length(email) <= 320 AND email ~ '^[^@\\s<>]+@[^@\\s<>]+$')),
        title text CHECK (title IS NULL OR length(title) <= 200),
        affiliation_id uuid,
        locale text NOT NULL DEFAULT 'sv' CHECK (locale IN ('sv', 'da', 'en')),
        time_zone text NOT NULL DEFAULT 'Europe/Stockholm' CHECK (is_time_zone(time_zone)),
        gender text CHECK (gender IN ('woman', 'man', 'other')),
        is_demo boolean NOT NULL DEFAULT false,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX person_email_key ON person (lower(email)) WHERE email IS NOT NULL`);
    await q.query(`CREATE INDEX person_affiliation_idx ON person (affiliation_id)`);

    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (length(email) <= 320),
        password_hash text NOT NULL,
        is_admin boolean NOT NULL DEFAULT false,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_email_key ON account (lower(email))`);

    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        refresh_token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text,
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE INDEX session_account_idx ON session (account_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE login_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempt_email_idx ON login_attempt (lower(email), attempted_at) WHERE NOT succeeded`);
    await q.query(`CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at) WHERE NOT succeeded`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_person_id uuid,
        entity text NOT NULL,
        entity_id text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        request_id text
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id, id)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_person_id) WHERE actor_person_id IS NOT NULL`);
    await q.query(`
      CREATE TRIGGER audit_event_immutable
        BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate
        BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event, login_attempt, session, account, person`);
    await q.query(`DROP FUNCTION refuse_change(), is_time_zone(text)`);
  }
}
