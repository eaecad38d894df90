import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sweden's 21 regions (one per län) and Denmark's 5 regioner, ISO 3166-2 codes. */
export const REGION_ROWS: { code: string; country: string; name: string; aliases: string[] }[] = [
  { code: 'SE-AB', country: 'SE', name: 'Region Stockholm', aliases: ['Stockholm', 'Stockholms län', 'Stockholms läns landsting'] },
  { code: 'SE-AC', country: 'SE', name: 'Region Västerbotten', aliases: ['Västerbotten', 'Västerbottens län', 'Västerbottens läns landsting'] },
  { code: 'SE-BD', country: 'SE', name: 'Region Norrbotten', aliases: ['Norrbotten', 'Norrbottens län', 'Norrbottens läns landsting'] },
  { code: 'SE-C', country: 'SE', name: 'Region Uppsala', aliases: ['Uppsala', 'Uppsala län', 'Landstinget i Uppsala län'] },
  { code: 'SE-D', country: 'SE', name: 'Region Sörmland', aliases: ['Sörmland', 'Södermanland', 'Södermanlands län', 'Landstinget Sörmland'] },
  { code: 'SE-E', country: 'SE', name: 'Region Östergötland', aliases: ['Östergötland', 'Östergötlands län'] },
  { code: 'SE-F', country: 'SE', name: 'Region Jönköpings län', aliases: ['Jönköping', 'Jönköpings län', 'Region Jönköping'] },
  { code: 'SE-G', country: 'SE', name: 'Region Kronoberg', aliases: ['Kronoberg', 'Kronobergs län'] },
  { code: 'SE-H', country: 'SE', name: 'Region Kalmar län', aliases: ['Kalmar', 'Kalmar län', 'Region Kalmar'] },
  { code: 'SE-I', country: 'SE', name: 'Region Gotland', aliases: ['Gotland', 'Gotlands län', 'Gotlands kommun'] },
  { code: 'SE-K', country: 'SE', name: 'Region Blekinge', aliases: ['Blekinge', 'Blekinge län'] },
  { code: 'SE-M', country: 'SE', name: 'Region Skåne', aliases: ['Skåne', 'Skåne län', 'Skånes län'] },
  { code: 'SE-N', country: 'SE', name: 'Region Halland', aliases: ['Halland', 'Hallands län'] },
  { code: 'SE-O', country: 'SE', name: 'Västra Götalandsregionen', aliases: ['Västra Götaland', 'Västra Götalands län', 'Region Västra Götaland', 'VGR'] },
  { code: 'SE-S', country: 'SE', name: 'Region Värmland', aliases: ['Värmland', 'Värmlands län'] },
  { code: 'SE-T', country: 'SE', name: 'Region Örebro län', aliases: ['Örebro', 'Örebro län', 'Region Örebro'] },
  { code: 'SE-U', country: 'SE', name: 'Region Västmanland', aliases: ['Västmanland', 'Västmanlands län'] },
  { code: 'SE-W', country: 'SE', name: 'Region Dalarna', aliases: ['Dalarna', 'Dalarnas län'] },
  { code: 'SE-X', country: 'SE', name: 'Region Gävleborg', aliases: ['Gävleborg', 'Gävleborgs län'] },
  { code: 'SE-Y', country: 'SE', name: 'Region Västernorrland', aliases: ['Västernorrland', 'Västernorrlands län'] },
  { code: 'SE-Z', country: 'SE', name: 'Region Jämtland Härjedalen', aliases: ['Jämtland', 'Jämtland Härjedalen', 'Jämtlands län', 'Region Jämtland'] },
  { code: 'DK-81', country: 'DK', name: 'Region Nordjylland', aliases: ['Nordjylland', 'North Denmark Region', 'Region North Jutland'] },
  { code: 'DK-82', country: 'DK', name: 'Region Midtjylland', aliases: ['Midtjylland', 'Central Denmark Region', 'Region Central Jutland'] },
  { code: 'DK-83', country: 'DK', name: 'Region Syddanmark', aliases: ['Syddanmark', 'Region of Southern Denmark', 'Southern Denmark'] },
  { code: 'DK-84', country: 'DK', name: 'Region Hovedstaden', aliases: ['Hovedstaden', 'Capital Region of Denmark', 'Region H'] },
  { code: 'DK-85', country: 'DK', name: 'Region Sjælland', aliases: ['Sjælland', 'Region Zealand', 'Zealand'] },
];

/**
 * Issue 18, the register:
 *
 * - Regions become a controlled list (ISO 3166-2) that an organisation refers to:
 *   "Skåne" and "Region Skåne" counted as two regions in the coverage while they were
 *   free text. The free-text values are mapped through each region's name and aliases
 *   (case and surrounding spaces ignored); a value that names no region is cleared and
 *   the audit trail keeps what it was.
 * - A person merged into another (a duplicate) keeps its row, pointing at the one kept,
 *   so the audit trail still names who acted; everything else moves to the kept person.
 * - Audit rows carry the commission they belong to, found when the row is written (a
 *   trigger follows the entity to its commission, or a commissionId, workingGroupId,
 *   meetingId or deliverableId the change quotes), so a commission's secretariat can
 *   read its whole trail — also of rows deleted since.
 */
export class RegionsAndCommissionAudit1732400040001 implements MigrationInterface {
  name = 'RegionsAndCommissionAudit1732400040001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$'),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$' AND left(code, 2) = country),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        aliases text[] NOT NULL DEFAULT '{}',
        CONSTRAINT region_code_country_key UNIQUE (code, country),
        CONSTRAINT region_name_key UNIQUE (country, name)
      )`);
    for (const region of REGION_ROWS) {
      const aliases = [region.name, ...region.aliases].map((a) => a.toLowerCase());
      await q.query(`INSERT INTO region (code, country, name, aliases) VALUES ($1, $2, $3, $4)`, [region.code, region.country, region.name, aliases]);
    }
    await q.query(`CREATE INDEX region_aliases_idx ON region USING gin (aliases)`);

    await q.query(`ALTER TABLE organisation ADD COLUMN region_code text`);
    await q.query(`
      ALTER TABLE organisation ADD CONSTRAINT organisation_region_fkey
        FOREIGN KEY (region_code, country) REFERENCES region (code, country)`);
    await q.query(`CREATE INDEX organisation_region_idx ON organisation (region_code) WHERE region_code IS NOT NULL`);
    await q.query(`
      UPDATE organisation o SET region_code = r.code
        FROM region r
       WHERE o.region IS NOT NULL AND r.country = o.country AND lower(btrim(o.region)) = ANY (r.aliases)`);
    await q.query(`
      INSERT INTO audit_event (entity, entity_id, action, changes, origin)
      SELECT 'organisation', id::text, 'region-not-in-list', jsonb_build_object('region', jsonb_build_object('before', region, 'after', NULL)),
             'migration:1732400040001'
        FROM organisation WHERE region IS NOT NULL AND region_code IS NULL`);
    await q.query(`ALTER TABLE organisation DROP COLUMN region`);

    await q.query(`ALTER TABLE person ADD COLUMN merged_into_id uuid REFERENCES person (id), ADD CONSTRAINT person_merged_into_check CHECK (merged_into_id <> id)`);
    await q.query(`CREATE INDEX person_merged_into_idx ON person (merged_into_id) WHERE merged_into_id IS NOT NULL`);

    await q.query(`ALTER TABLE audit_event ADD COLUMN commission_id uuid`);
    await q.query(`
      CREATE FUNCTION audit_commission_of(p_entity text, p_entity_id text, p_changes jsonb) RETURNS uuid
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        found uuid;
        ref uuid;
        quoted text;
      BEGIN
        IF p_entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
          ref := p_entity_id::uuid;
          CASE p_entity
            WHEN 'commission' THEN SELECT id INTO found FROM commission WHERE id = ref;
            WHEN 'working_group' THEN SELECT commission_id INTO found FROM working_group WHERE id = ref;
            WHEN 'meeting' THEN SELECT commission_id INTO found FROM meeting WHERE id = ref;
            WHEN 'date_poll' THEN SELECT commission_id INTO found FROM date_poll WHERE id = ref;
            WHEN 'deliverable' THEN SELECT commission_id INTO found FROM deliverable WHERE id = ref;
            WHEN 'status_report' THEN SELECT commission_id INTO found FROM status_report WHERE id = ref;
            WHEN 'stakeholder_engagement' THEN SELECT commission_id INTO found FROM stakeholder_engagement WHERE id = ref;
            WHEN 'seat_allocation' THEN
              SELECT g.commission_id INTO found FROM seat_allocation sa JOIN working_group g ON g.id = sa.working_group_id WHERE sa.id = ref;
            WHEN 'seat' THEN
              SELECT g.commission_id INTO found FROM seat s JOIN seat_allocation sa ON sa.id = s.allocation_id
                JOIN working_group g ON g.id = sa.working_group_id WHERE s.id = ref;
            WHEN 'appointment' THEN
              SELECT g.commission_id INTO found FROM appointment a JOIN seat s ON s.id = a.seat_id
                JOIN seat_allocation sa ON sa.id = s.allocation_id JOIN working_group g ON g.id = sa.working_group_id WHERE a.id = ref;
            WHEN 'nomination_request' THEN
              SELECT g.commission_id INTO found FROM nomination_request r JOIN seat_allocation sa ON sa.id = r.allocation_id
                JOIN working_group g ON g.id = sa.working_group_id WHERE r.id = ref;
            WHEN 'nomination' THEN
              SELECT g.commission_id INTO found FROM nomination n JOIN nomination_request r ON r.id = n.request_id
                JOIN seat_allocation sa ON sa.id = r.allocation_id JOIN working_group g ON g.id = sa.working_group_id WHERE n.id = ref;
            WHEN 'invitation' THEN SELECT m.commission_id INTO found FROM invitation i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ref;
            WHEN 'registration' THEN SELECT m.commission_id INTO found FROM registration r JOIN meeting m ON m.id = r.meeting_id WHERE r.id = ref;
            WHEN 'minutes' THEN SELECT m.commission_id INTO found FROM minutes x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = ref;
            WHEN 'action_item' THEN SELECT m.commission_id INTO found FROM action_item x JOIN meeting m ON m.id = x.meeting_id WHERE x.id = ref;
            WHEN 'interest_declaration' THEN
              SELECT m.commission_id INTO found FROM interest_declaration d JOIN agenda_item ai ON ai.id = d.agenda_item_id
                JOIN meeting m ON m.id = ai.meeting_id WHERE d.id = ref;
            WHEN 'document_version' THEN
              SELECT d.commission_id INTO found FROM document_version v JOIN deliverable d ON d.id = v.deliverable_id WHERE v.id = ref;
            WHEN 'review_round' THEN
              SELECT d.commission_id INTO found FROM review_round r JOIN deliverable d ON d.id = r.deliverable_id WHERE r.id = ref;
            WHEN 'review_comment' THEN
              SELECT d.commission_id INTO found FROM review_comment c JOIN review_round r ON r.id = c.round_id
                JOIN deliverable d ON d.id = r.deliverable_id WHERE c.id = ref;
            ELSE NULL;
          END CASE;
        END IF;
        IF found IS NOT NULL THEN RETURN found; END IF;
        -- An entity this function does not know yet, or one already deleted: what the change quotes.
        quoted := coalesce(p_changes -> 'commissionId' ->> 'after', p_changes -> 'commissionId' ->> 'before');
        IF quoted ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN SELECT id INTO found FROM commission WHERE id = quoted::uuid; END IF;
        IF found IS NOT NULL THEN RETURN found; END IF;
        quoted := coalesce(p_changes -> 'workingGroupId' ->> 'after', p_changes -> 'workingGroupId' ->> 'before');
        IF quoted ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN SELECT commission_id INTO found FROM working_group WHERE id = quoted::uuid; END IF;
        IF found IS NOT NULL THEN RETURN found; END IF;
        quoted := coalesce(p_changes -> 'meetingId' ->> 'after', p_changes -> 'meetingId' ->> 'before');
        IF quoted ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN SELECT commission_id INTO found FROM meeting WHERE id = quoted::uuid; END IF;
        IF found IS NOT NULL THEN RETURN found; END IF;
        quoted := coalesce(p_changes -> 'deliverableId' ->> 'after', p_changes -> 'deliverableId' ->> 'before');
        IF quoted ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN SELECT commission_id INTO found FROM deliverable WHERE id = quoted::uuid; END IF;
        IF found IS NOT NULL THEN RETURN found; END IF;
        quoted := coalesce(p_changes -> 'allocationId' ->> 'after', p_changes -> 'allocationId' ->> 'before');
        IF quoted ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
          SELECT g.commission_id INTO found FROM seat_allocation sa JOIN working_group g ON g.id = sa.working_group_id WHERE sa.id = quoted::uuid;
        END IF;
        RETURN found;
      END $$`);
    await q.query(`
      CREATE FUNCTION audit_event_set_commission() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.commission_id IS NULL THEN
          NEW.commission_id := audit_commission_of(NEW.entity, NEW.entity_id, NEW.changes);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_commission
        BEFORE INSERT ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_set_commission()`);
    // The rows written before: the one time audit rows change (the column is new).
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_immutable`);
    await q.query(`UPDATE audit_event SET commission_id = audit_commission_of(entity, entity_id, changes)`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_immutable`);
    await q.query(`CREATE INDEX audit_event_commission_idx ON audit_event (commission_id, id) WHERE commission_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_commission ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_set_commission(), audit_commission_of(text, text, jsonb)`);
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_immutable`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN commission_id`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_immutable`);
    await q.query(`ALTER TABLE person DROP COLUMN merged_into_id`);
    await q.query(`ALTER TABLE organisation ADD COLUMN region text CHECK (region IS NULL OR length(region) <= 100)`);
    await q.query(`UPDATE organisation o SET region = r.name FROM region r WHERE r.code = o.region_code`);
    await q.query(`ALTER TABLE organisation DROP COLUMN region_code`);
    await q.query(`DROP TABLE region`);
  }
}
