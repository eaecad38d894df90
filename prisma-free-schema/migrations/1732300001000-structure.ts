import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations, strategies with priority areas and goals, commissions with
 * objectives, amendments and roles, working groups, seat allocations, seats,
 * nominations and appointments. The invariants live here:
 * - a seat has at most one principal (and one substitute) at any moment (exclusion);
 * - an allocation has exactly `seat_count` seats, and the count cannot drop below
 *   the seats filled (trigger);
 * - codes, letters, date ranges and time zones are valid (checks).
 */
export class Structure1732300001000 implements MigrationInterface {
  name = 'Structure1732300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
        short_name text CHECK (short_name IS NULL OR length(short_name) <= 50),
        kind text NOT NULL CHECK (kind IN ('ministry', 'agency', 'region', 'municipality', 'university', 'professional_body',
                                           'association', 'company', 'union', 'government', 'other')),
        country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        region text CHECK (region IS NULL OR length(region) <= 100),
        parent_id uuid REFERENCES organisation (id) ON DELETE RESTRICT,
        email text CHECK (email IS NULL OR length(email) <= 320),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_name_key ON organisation (country, lower(name))`);
    await q.query(`CREATE INDEX organisation_parent_idx ON organisation (parent_id)`);
    await q.query(`ALTER TABLE person ADD CONSTRAINT person_affiliation_fkey FOREIGN KEY (affiliation_id) REFERENCES organisation (id) ON DELETE SET NULL`);

    await q.query(`
      CREATE TABLE strategy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        owner_id uuid REFERENCES organisation (id),
        published_on date,
        description text CHECK (description IS NULL OR length(description) <= 10000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE priority_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        strategy_id uuid NOT NULL REFERENCES strategy (id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number BETWEEN 1 AND 999),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        UNIQUE (strategy_id, number),
        UNIQUE (id, strategy_id, number)
      )`);
    await q.query(`
      CREATE TABLE goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        strategy_id uuid NOT NULL,
        priority_area_id uuid NOT NULL,
        area_number int NOT NULL,
        code text NOT NULL CHECK (code ~ '^[1-9][0-9]{0,2}\\.[1-9][0-9]{0,2}$'),
        text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 2000),
        FOREIGN KEY (priority_area_id, strategy_id, area_number) REFERENCES priority_area (id, strategy_id, number) ON DELETE CASCADE ON UPDATE CASCADE,
        CHECK (split_part(code, '.', 1)::int = area_number),
        UNIQUE (strategy_id, code)
      )`);
    await q.query(`CREATE INDEX goal_area_idx ON goal (priority_area_id)`);

    await q.query(`
      CREATE TABLE commission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
        kind text NOT NULL CHECK (kind IN ('government_assignment', 'ministerial_working_group', 'strategy_collaboration_group',
                                           'innovation_programme', 'board_working_group', 'inquiry', 'other')),
        commissioning_body_id uuid NOT NULL REFERENCES organisation (id),
        lead_organisation_id uuid NOT NULL REFERENCES organisation (id),
        strategy_id uuid REFERENCES strategy (id),
        reference_number text CHECK (reference_number IS NULL OR length(reference_number) <= 100),
        description text CHECK (description IS NULL OR length(description) <= 20000),
        starts_on date NOT NULL,
        initial_reporting_deadline date,
        reporting_deadline date,
        report_cadence text NOT NULL DEFAULT 'quarterly' CHECK (report_cadence IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'none')),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'reported', 'concluded')),
        time_zone text NOT NULL DEFAULT 'Europe/Stockholm' CHECK (is_time_zone(time_zone)),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (reporting_deadline IS NULL OR reporting_deadline >= starts_on),
        CHECK (initial_reporting_deadline IS NULL OR initial_reporting_deadline >= starts_on)
      )`);
    await q.query(`CREATE INDEX commission_strategy_idx ON commission (strategy_id)`);
    await q.query(`
      CREATE TABLE commission_partner (
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        PRIMARY KEY (commission_id, organisation_id)
      )`);
    await q.query(`
      CREATE TABLE commission_amendment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        decided_on date NOT NULL,
        reference_number text CHECK (reference_number IS NULL OR length(reference_number) <= 100),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 5000),
        previous_deadline date,
        new_deadline date,
        created_by uuid REFERENCES person (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX commission_amendment_commission_idx ON commission_amendment (commission_id, decided_on)`);
    await q.query(`
      CREATE TABLE commission_objective (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        letter text NOT NULL CHECK (letter ~ '^[a-z]{1,2}$'),
        text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 5000),
        added_by_amendment_id uuid REFERENCES commission_amendment (id),
        withdrawn_by_amendment_id uuid REFERENCES commission_amendment (id),
        UNIQUE (commission_id, letter),
        UNIQUE (id, commission_id)
      )`);
    await q.query(`
      CREATE TABLE commission_role (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('secretariat', 'chair', 'member', 'commissioner', 'observer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (commission_id, person_id, role)
      )`);
    await q.query(`CREATE INDEX commission_role_person_idx ON commission_role (person_id)`);

    await q.query(`
      CREATE TABLE working_group (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        parent_id uuid,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
        purpose text CHECK (purpose IS NULL OR length(purpose) <= 10000),
        status text NOT NULL DEFAULT 'forming' CHECK (status IN ('forming', 'active', 'concluded')),
        chair_person_id uuid REFERENCES person (id),
        lead_organisation_id uuid REFERENCES organisation (id),
        secretariat_organisation_id uuid REFERENCES organisation (id),
        reports_to text CHECK (reports_to IS NULL OR length(reports_to) <= 300),
        holdover_allowed boolean NOT NULL DEFAULT true,
        subgroups_allowed boolean NOT NULL DEFAULT true,
        quorum_share numeric(3, 2) NOT NULL DEFAULT 0.50 CHECK (quorum_share > 0 AND quorum_share <= 1),
        established_on date,
        concluded_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, commission_id),
        FOREIGN KEY (parent_id, commission_id) REFERENCES working_group (id, commission_id) ON DELETE RESTRICT,
        CHECK (parent_id IS NULL OR parent_id <> id),
        CHECK (concluded_on IS NULL OR established_on IS NULL OR concluded_on >= established_on)
      )`);
    await q.query(`CREATE INDEX working_group_commission_idx ON working_group (commission_id)`);
    await q.query(`CREATE INDEX working_group_parent_idx ON working_group (parent_id)`);
    await q.query(`
      CREATE TABLE working_group_goal (
        working_group_id uuid NOT NULL REFERENCES working_group (id) ON DELETE CASCADE,
        goal_id uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
        PRIMARY KEY (working_group_id, goal_id)
      )`);
    await q.query(`CREATE INDEX working_group_goal_goal_idx ON working_group_goal (goal_id)`);
    await q.query(`
      CREATE TABLE working_group_objective (
        working_group_id uuid NOT NULL,
        commission_id uuid NOT NULL,
        objective_id uuid NOT NULL,
        PRIMARY KEY (working_group_id, objective_id),
        FOREIGN KEY (working_group_id, commission_id) REFERENCES working_group (id, commission_id) ON DELETE CASCADE,
        FOREIGN KEY (objective_id, commission_id) REFERENCES commission_objective (id, commission_id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE seat_allocation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_group (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        nominating_organisation_id uuid NOT NULL REFERENCES organisation (id),
        seat_count int NOT NULL CHECK (seat_count BETWEEN 1 AND 500),
        role text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'chair', 'expert', 'observer')),
        required_perspective text CHECK (required_perspective IS NULL OR length(required_perspective) <= 300),
        requires_gender_pair boolean NOT NULL DEFAULT false,
        term_months int CHECK (term_months IS NULL OR term_months BETWEEN 1 AND 240),
        max_consecutive_terms int CHECK (max_consecutive_terms IS NULL OR max_consecutive_terms BETWEEN 1 AND 50),
        notes text CHECK (notes IS NULL OR length(notes) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX seat_allocation_group_idx ON seat_allocation (working_group_id)`);
    await q.query(`CREATE INDEX seat_allocation_organisation_idx ON seat_allocation (organisation_id)`);
    await q.query(`
      CREATE TABLE seat (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        allocation_id uuid NOT NULL REFERENCES seat_allocation (id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number >= 1),
        retired_at timestamptz,
        UNIQUE (allocation_id, number)
      )`);
    await q.query(`CREATE INDEX seat_allocation_active_idx ON seat (allocation_id) WHERE retired_at IS NULL`);

    await q.query(`
      CREATE TABLE nomination_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        allocation_id uuid NOT NULL REFERENCES seat_allocation (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        contact_person_id uuid REFERENCES person (id),
        seats_requested int NOT NULL CHECK (seats_requested BETWEEN 1 AND 500),
        message text CHECK (message IS NULL OR length(message) <= 10000),
        deadline date NOT NULL,
        status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'answered', 'withdrawn')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        sent_by uuid REFERENCES person (id),
        answered_at timestamptz
      )`);
    await q.query(`CREATE INDEX nomination_request_allocation_idx ON nomination_request (allocation_id)`);
    await q.query(`CREATE INDEX nomination_request_open_idx ON nomination_request (deadline) WHERE status = 'sent'`);
    await q.query(`
      CREATE TABLE nomination (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES nomination_request (id) ON DELETE CASCADE,
        submitted_by uuid REFERENCES person (id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        gender_rule_reason text CHECK (gender_rule_reason IS NULL OR length(btrim(gender_rule_reason)) BETWEEN 1 AND 5000),
        complies_with_gender_rule boolean NOT NULL,
        CHECK (complies_with_gender_rule OR gender_rule_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX nomination_request_idx ON nomination (request_id)`);
    await q.query(`
      CREATE TABLE nomination_candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nomination_id uuid NOT NULL REFERENCES nomination (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        gender text CHECK (gender IN ('woman', 'man', 'other')),
        perspective text CHECK (perspective IS NULL OR length(perspective) <= 300),
        rank int NOT NULL DEFAULT 1 CHECK (rank >= 1),
        UNIQUE (nomination_id, person_id)
      )`);

    await q.query(`
      CREATE TABLE appointment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seat_id uuid NOT NULL REFERENCES seat (id) ON DELETE RESTRICT,
        person_id uuid NOT NULL REFERENCES person (id),
        kind text NOT NULL DEFAULT 'principal' CHECK (kind IN ('principal', 'substitute')),
        starts_on date NOT NULL,
        ends_on date,
        term_number int NOT NULL DEFAULT 1 CHECK (term_number >= 1),
        nomination_id uuid REFERENCES nomination (id),
        ended_reason text CHECK (ended_reason IS NULL OR length(ended_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT appointment_one_holder_per_seat
          EXCLUDE USING gist (seat_id WITH =, kind WITH =, daterange(starts_on, ends_on, '[]') WITH &&)
      )`);
    await q.query(`CREATE INDEX appointment_person_idx ON appointment (person_id)`);
    await q.query(`CREATE INDEX appointment_ends_idx ON appointment (ends_on) WHERE ends_on IS NOT NULL`);
    await q.query(`
      CREATE FUNCTION appointment_substitute_needs_seat_in_use() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.kind = 'substitute' AND NOT EXISTS (
          SELECT 1 FROM appointment p
           WHERE p.seat_id = NEW.seat_id AND p.kind = 'principal'
             AND daterange(p.starts_on, p.ends_on, '[]') && daterange(NEW.starts_on, NEW.ends_on, '[]')) THEN
          RAISE EXCEPTION 'a substitute needs a principal on the seat'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'appointment_substitute_needs_principal';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER appointment_substitute_check BEFORE INSERT OR UPDATE ON appointment
        FOR EACH ROW EXECUTE FUNCTION appointment_substitute_needs_seat_in_use()`);

    // Seats follow the allocation's count: raising it adds seats, lowering it
    // retires vacant seats from the top (kept for the record), and refuses when
    // too few are vacant. Seats are made and retired only through the count.
    await q.query(`
      CREATE FUNCTION seat_allocation_sync_seats() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        active int;
        top int;
        retired int;
      BEGIN
        SELECT count(*), coalesce(max(number), 0) INTO active, top FROM seat WHERE allocation_id = NEW.id AND retired_at IS NULL;
        SELECT greatest(top, coalesce(max(number), 0)) INTO top FROM seat WHERE allocation_id = NEW.id;
        IF NEW.seat_count > active THEN
          INSERT INTO seat (allocation_id, number)
          SELECT NEW.id, top + n FROM generate_series(1, NEW.seat_count - active) AS n;
        ELSIF NEW.seat_count < active THEN
          WITH vacant AS (
            SELECT s.id FROM seat s
             WHERE s.allocation_id = NEW.id AND s.retired_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM appointment a
                                WHERE a.seat_id = s.id AND (a.ends_on IS NULL OR a.ends_on >= current_date))
             ORDER BY s.number DESC
             LIMIT active - NEW.seat_count
          ), gone AS (
            UPDATE seat s SET retired_at = now() FROM vacant v WHERE s.id = v.id RETURNING 1
          )
          SELECT count(*) INTO retired FROM gone;
          IF retired < active - NEW.seat_count THEN
            RAISE EXCEPTION 'seat count % is below the seats filled', NEW.seat_count
              USING ERRCODE = 'check_violation', CONSTRAINT = 'seat_allocation_count_covers_filled';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER seat_allocation_seats AFTER INSERT OR UPDATE OF seat_count ON seat_allocation
        FOR EACH ROW EXECUTE FUNCTION seat_allocation_sync_seats()`);
    await q.query(`
      CREATE FUNCTION seat_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM seat WHERE allocation_id = NEW.allocation_id AND retired_at IS NULL AND id <> NEW.id)
             >= (SELECT seat_count FROM seat_allocation WHERE id = NEW.allocation_id) AND NEW.retired_at IS NULL THEN
          RAISE EXCEPTION 'an allocation never has more seats than its count'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'seat_allocation_count_covers_filled';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER seat_count_guard BEFORE INSERT ON seat FOR EACH ROW EXECUTE FUNCTION seat_guard()`);
    // No appointment on a retired seat, and none that is filled in the future beyond the count.
    await q.query(`
      CREATE FUNCTION appointment_seat_active() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT retired_at FROM seat WHERE id = NEW.seat_id FOR SHARE) IS NOT NULL THEN
          RAISE EXCEPTION 'the seat was retired'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'appointment_seat_retired';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER appointment_seat_active BEFORE INSERT ON appointment FOR EACH ROW EXECUTE FUNCTION appointment_seat_active()`);

    await q.query(`
      CREATE TABLE stakeholder_engagement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        how text NOT NULL CHECK (how IN ('dialogue', 'workshop', 'reviewer', 'network', 'consulted', 'other')),
        note text CHECK (note IS NULL OR length(note) <= 2000),
        engaged_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (commission_id, organisation_id, how)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stakeholder_engagement, appointment, nomination_candidate, nomination, nomination_request, seat, seat_allocation,
                   working_group_objective, working_group_goal, working_group, commission_role, commission_objective, commission_amendment,
                   commission_partner, commission, goal, priority_area, strategy CASCADE`);
    await q.query(`ALTER TABLE person DROP CONSTRAINT person_affiliation_fkey`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP FUNCTION seat_guard(), seat_allocation_sync_seats(), appointment_substitute_needs_seat_in_use(), appointment_seat_active()`);
  }
}
