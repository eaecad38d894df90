import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GDPR erasure may redact what the audit trail quoted about a person (name,
 * e-mail) and nothing else: an UPDATE of audit_event is allowed only inside an
 * erasure transaction (SET LOCAL samverkan.erasure = 'on') and only to `changes`;
 * who did what to which entity, and when, stays as it was. DELETE and TRUNCATE
 * stay refused.
 */
export class Privacy1732300008000 implements MigrationInterface {
  name = 'Privacy1732300008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_event_redact_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('samverkan.erasure', true) = 'on'
           AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at
           AND NEW.actor_person_id IS NOT DISTINCT FROM OLD.actor_person_id
           AND NEW.entity = OLD.entity AND NEW.entity_id = OLD.entity_id AND NEW.action = OLD.action
           AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_event_immutable';
      END $$`);
    await q.query(`DROP TRIGGER audit_event_immutable ON audit_event`);
    await q.query(`
      CREATE TRIGGER audit_event_immutable
        BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_redact_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_immutable ON audit_event`);
    await q.query(`
      CREATE TRIGGER audit_event_immutable
        BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`DROP FUNCTION audit_event_redact_only()`);
  }
}
