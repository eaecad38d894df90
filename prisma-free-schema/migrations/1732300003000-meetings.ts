import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings, workshops, webinars and dialogues: agenda, invitations with RSVP and
 * attendance, minutes with approval (justering), decisions, action items,
 * conflicts of interest, date polls, open-event registrations and calendar feed
 * tokens. The invariants live here:
 * - a meeting ends after it starts, in a valid IANA time zone;
 * - approved minutes (with their decisions, notes, adjusters, conflicts of
 *   interest and the attendance they record) cannot change (triggers);
 * - an open event never confirms more registrations than its capacity (trigger),
 *   and one email address registers once per event (unique key);
 * - one vote per person per poll option, one invitation per person per meeting.
 */
export class Meetings1732300003000 implements MigrationInterface {
  name = 'Meetings1732300003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        working_group_id uuid,
        kind text NOT NULL DEFAULT 'meeting' CHECK (kind IN ('meeting', 'workshop', 'webinar', 'dialogue')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        description text CHECK (description IS NULL OR length(description) <= 20000),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL CHECK (is_time_zone(time_zone)),
        place text CHECK (place IS NULL OR length(btrim(place)) BETWEEN 1 AND 500),
        online_url text CHECK (online_url IS NULL OR (length(online_url) <= 2000 AND online_url ~ '^https?://[^\\s]+$')),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'confirmed', 'cancelled')),
        sequence int NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        organizer_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        is_open boolean NOT NULL DEFAULT false,
        capacity int CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 100000),
        waitlist_open boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (working_group_id, commission_id) REFERENCES working_group (id, commission_id) ON DELETE CASCADE,
        CONSTRAINT meeting_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT meeting_length CHECK (ends_at - starts_at <= interval '14 days'),
        CONSTRAINT meeting_sane_dates CHECK (starts_at > '2000-01-01' AND starts_at < '2200-01-01'),
        CONSTRAINT meeting_capacity_only_open CHECK (is_open OR capacity IS NULL)
      )`);
    await q.query(`CREATE INDEX meeting_group_idx ON meeting (working_group_id, starts_at)`);
    await q.query(`CREATE INDEX meeting_commission_idx ON meeting (commission_id, starts_at, id)`);
    // Double-booking and reminders look meetings up by their time span.
    await q.query(`CREATE INDEX meeting_span_idx ON meeting USING gist (tstzrange(starts_at, ends_at, '[)')) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX meeting_starts_idx ON meeting (starts_at) WHERE status <> 'cancelled'`);

    await q.query(`
      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position BETWEEN 1 AND 500),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
        description text CHECK (description IS NULL OR length(description) <= 10000),
        duration_minutes int NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
        presenter_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        presenter_name text CHECK (presenter_name IS NULL OR length(btrim(presenter_name)) BETWEEN 1 AND 300),
        -- The deliverables area lands separately; the integrator adds the foreign key.
        deliverable_id uuid,
        decision_expected boolean NOT NULL DEFAULT false,
        CONSTRAINT agenda_item_position_key UNIQUE (meeting_id, position) DEFERRABLE INITIALLY DEFERRED,
        UNIQUE (id, meeting_id)
      )`);

    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        role text NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'member', 'substitute', 'guest')),
        seat_id uuid REFERENCES seat (id) ON DELETE SET NULL,
        rsvp text NOT NULL DEFAULT 'pending' CHECK (rsvp IN ('pending', 'yes', 'no', 'maybe', 'substitute')),
        substitute_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        substitute_name text CHECK (substitute_name IS NULL OR length(btrim(substitute_name)) BETWEEN 1 AND 300),
        responded_at timestamptz,
        attendance text CHECK (attendance IN ('present', 'absent', 'apologies', 'substituted')),
        substituted_by_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        substituted_by_name text CHECK (substituted_by_name IS NULL OR length(btrim(substituted_by_name)) BETWEEN 1 AND 300),
        invited_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitation_person_key UNIQUE (meeting_id, person_id),
        CONSTRAINT invitation_substitute_named CHECK (rsvp <> 'substitute' OR substitute_person_id IS NOT NULL OR substitute_name IS NOT NULL),
        CONSTRAINT invitation_substituted_named CHECK (attendance IS DISTINCT FROM 'substituted' OR substituted_by_person_id IS NOT NULL OR substituted_by_name IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX invitation_person_idx ON invitation (person_id, meeting_id)`);

    await q.query(`
      CREATE TABLE minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL UNIQUE REFERENCES meeting (id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_approval', 'approved')),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
        sent_for_approval_at timestamptz,
        approved_at timestamptz,
        created_by uuid REFERENCES person (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
        CHECK (status = 'draft' OR sent_for_approval_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX minutes_in_approval_idx ON minutes (sent_for_approval_at) WHERE status = 'in_approval'`);
    await q.query(`
      CREATE TABLE minutes_adjuster (
        minutes_id uuid NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        approved_at timestamptz,
        PRIMARY KEY (minutes_id, person_id)
      )`);
    await q.query(`CREATE INDEX minutes_adjuster_person_idx ON minutes_adjuster (person_id)`);
    await q.query(`
      CREATE TABLE minutes_note (
        minutes_id uuid NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
        text text NOT NULL CHECK (length(text) <= 50000),
        PRIMARY KEY (minutes_id, agenda_item_id)
      )`);
    await q.query(`
      CREATE TABLE decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minutes_id uuid NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        number int NOT NULL CHECK (number >= 1),
        agenda_item_id uuid REFERENCES agenda_item (id) ON DELETE SET NULL,
        text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 10000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT decision_number_key UNIQUE (minutes_id, number)
      )`);
    await q.query(`
      CREATE TABLE action_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minutes_id uuid NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        agenda_item_id uuid REFERENCES agenda_item (id) ON DELETE SET NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 2000),
        assignee_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        due_on date,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status IN ('done', 'cancelled')) = (done_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX action_item_meeting_idx ON action_item (meeting_id)`);
    await q.query(`CREATE INDEX action_item_open_idx ON action_item (meeting_id) WHERE status IN ('open', 'in_progress')`);
    await q.query(`
      CREATE TABLE conflict_of_interest (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minutes_id uuid NOT NULL REFERENCES minutes (id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
        left_room boolean NOT NULL DEFAULT true,
        CONSTRAINT conflict_of_interest_key UNIQUE (agenda_item_id, person_id)
      )`);

    // Approved minutes are the record: nothing in them (nor the attendance they
    // list) changes afterwards. Action items keep their status moving (done,
    // cancelled) so they stop being carried to the next agenda.
    await q.query(`
      CREATE FUNCTION minutes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        mid uuid;
        approved boolean;
      BEGIN
        IF TG_TABLE_NAME = 'minutes' THEN
          IF OLD.status = 'approved' THEN
            RAISE EXCEPTION 'approved minutes cannot change' USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_approved_immutable';
          END IF;
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        mid := CASE WHEN TG_OP = 'INSERT' THEN NEW.minutes_id ELSE OLD.minutes_id END;
        SELECT status = 'approved' INTO approved FROM minutes WHERE id = mid;
        IF approved THEN
          RAISE EXCEPTION 'approved minutes cannot change' USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_approved_immutable';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);

    // Action items: only their status (and when done) may move after approval.
    await q.query(`
      CREATE FUNCTION action_item_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND (OLD.minutes_id, OLD.meeting_id, OLD.agenda_item_id, OLD.title, OLD.assignee_person_id, OLD.due_on, OLD.created_at)
               IS NOT DISTINCT FROM (NEW.minutes_id, NEW.meeting_id, NEW.agenda_item_id, NEW.title, NEW.assignee_person_id, NEW.due_on, NEW.created_at) THEN
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM minutes WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.minutes_id ELSE OLD.minutes_id END AND status = 'approved') THEN
          RAISE EXCEPTION 'approved minutes cannot change' USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_approved_immutable';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`CREATE TRIGGER action_item_immutable BEFORE INSERT OR UPDATE OR DELETE ON action_item FOR EACH ROW EXECUTE FUNCTION action_item_guard()`);
    for (const table of ['minutes', 'minutes_adjuster', 'minutes_note', 'decision', 'conflict_of_interest']) {
      await q.query(`CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ${table === 'minutes' ? '' : 'OR INSERT '}ON ${table} FOR EACH ROW EXECUTE FUNCTION minutes_guard()`);
    }
    await q.query(`
      CREATE FUNCTION invitation_attendance_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (OLD.attendance, OLD.substituted_by_person_id, OLD.substituted_by_name) IS DISTINCT FROM (NEW.attendance, NEW.substituted_by_person_id, NEW.substituted_by_name)
           AND EXISTS (SELECT 1 FROM minutes WHERE meeting_id = NEW.meeting_id AND status = 'approved') THEN
          RAISE EXCEPTION 'the attendance of approved minutes cannot change' USING ERRCODE = 'check_violation', CONSTRAINT = 'minutes_approved_immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER invitation_attendance_immutable BEFORE UPDATE ON invitation FOR EACH ROW EXECUTE FUNCTION invitation_attendance_guard()`);

    await q.query(`
      CREATE TABLE date_poll (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        working_group_id uuid,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        kind text NOT NULL DEFAULT 'meeting' CHECK (kind IN ('meeting', 'workshop', 'webinar', 'dialogue')),
        time_zone text NOT NULL CHECK (is_time_zone(time_zone)),
        place text CHECK (place IS NULL OR length(btrim(place)) BETWEEN 1 AND 500),
        online_url text CHECK (online_url IS NULL OR (length(online_url) <= 2000 AND online_url ~ '^https?://[^\\s]+$')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        chosen_option_id uuid,
        meeting_id uuid REFERENCES meeting (id) ON DELETE SET NULL,
        created_by uuid REFERENCES person (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (working_group_id, commission_id) REFERENCES working_group (id, commission_id) ON DELETE CASCADE,
        CHECK ((status = 'closed') = (chosen_option_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX date_poll_commission_idx ON date_poll (commission_id, created_at)`);
    await q.query(`
      CREATE TABLE date_poll_option (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        poll_id uuid NOT NULL REFERENCES date_poll (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '14 days'),
        UNIQUE (poll_id, starts_at, ends_at),
        UNIQUE (id, poll_id)
      )`);
    await q.query(`ALTER TABLE date_poll ADD CONSTRAINT date_poll_chosen_fkey FOREIGN KEY (chosen_option_id, id) REFERENCES date_poll_option (id, poll_id)`);
    await q.query(`
      CREATE TABLE date_poll_answer (
        option_id uuid NOT NULL REFERENCES date_poll_option (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        answer text NOT NULL CHECK (answer IN ('yes', 'if_need_be', 'no')),
        answered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (option_id, person_id)
      )`);

    await q.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
        full_name text NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 300 AND full_name !~ '[\\r\\n]'),
        email text NOT NULL CHECK (length(email) <= 320 AND email ~ '^[^@\\s<>,;"]+@[^@\\s<>,;"]+$'),
        email_key text GENERATED ALWAYS AS (lower(btrim(email))) STORED,
        organisation text CHECK (organisation IS NULL OR length(btrim(organisation)) BETWEEN 1 AND 300),
        locale text NOT NULL DEFAULT 'sv' CHECK (locale IN ('sv', 'da', 'en')),
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        cancel_token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        CONSTRAINT registration_email_key UNIQUE (meeting_id, email_key),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX registration_waitlist_idx ON registration (meeting_id, created_at, id) WHERE status = 'waitlisted'`);
    await q.query(`
      CREATE FUNCTION registration_capacity_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        cap int;
        taken int;
      BEGIN
        IF NEW.status <> 'confirmed' OR (TG_OP = 'UPDATE' AND OLD.status = 'confirmed') THEN
          RETURN NEW;
        END IF;
        SELECT capacity INTO cap FROM meeting WHERE id = NEW.meeting_id FOR UPDATE;
        IF cap IS NULL THEN
          RETURN NEW;
        END IF;
        SELECT count(*) INTO taken FROM registration WHERE meeting_id = NEW.meeting_id AND status = 'confirmed' AND id <> NEW.id;
        IF taken >= cap THEN
          RAISE EXCEPTION 'the event is full' USING ERRCODE = 'check_violation', CONSTRAINT = 'registration_over_capacity';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER registration_capacity BEFORE INSERT OR UPDATE ON registration FOR EACH ROW EXECUTE FUNCTION registration_capacity_guard()`);

    await q.query(`
      CREATE TABLE calendar_feed_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX calendar_feed_token_active_key ON calendar_feed_token (person_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feed_token, registration, date_poll_answer, date_poll_option, date_poll, conflict_of_interest, action_item, decision,
                   minutes_note, minutes_adjuster, minutes, invitation, agenda_item, meeting CASCADE`);
    await q.query(`DROP FUNCTION minutes_guard(), action_item_guard(), invitation_attendance_guard(), registration_capacity_guard()`);
  }
}
