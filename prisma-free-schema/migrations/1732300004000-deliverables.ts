import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliverables with their due dates, status workflow, linked goals and
 * objectives, deadline changes, document versions, review rounds, reviewers,
 * answers and the comments of the consolidated comment matrix. The invariants
 * live here:
 * - a deliverable's status only moves along the workflow (trigger, the same
 *   table as DELIVERABLE_TRANSITIONS in libs/deliverables);
 * - its due date never changes without a deadline-change row (old, new, reason,
 *   who, when) written in the same transaction (trigger);
 * - goals belong to the commission's strategy and objectives to its commission
 *   (trigger, composite foreign key);
 * - version numbers are unique per deliverable, content hashes are sha-256;
 * - one open review round per deliverable; answers and comments only from
 *   named reviewers while the round is open (foreign key, trigger);
 * - `deliverable_health(due_on, status, today)` is the SQL twin of
 *   `deliverableHealth()` in libs/deliverables/src/deliverable-health.ts.
 */
export class Deliverables1732300004000 implements MigrationInterface {
  name = 'Deliverables1732300004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deliverable (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commission_id uuid NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
        working_group_id uuid,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
        description text CHECK (description IS NULL OR length(description) <= 20000),
        kind text NOT NULL CHECK (kind IN ('report', 'interim_report', 'final_report', 'memo', 'proposal', 'dataset', 'event')),
        due_on date NOT NULL CHECK (due_on BETWEEN '1900-01-01' AND '2200-12-31'),
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'in_review', 'approved', 'delivered', 'cancelled')),
        responsible_person_id uuid REFERENCES person (id) ON DELETE SET NULL,
        delivered_on date,
        published_url text CHECK (published_url IS NULL OR (length(published_url) <= 2000 AND published_url ~ '^https?://')),
        created_by uuid REFERENCES person (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, commission_id),
        FOREIGN KEY (working_group_id, commission_id) REFERENCES working_group (id, commission_id) ON DELETE RESTRICT,
        CONSTRAINT deliverable_delivered_on CHECK ((status = 'delivered') = (delivered_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX deliverable_commission_idx ON deliverable (commission_id, due_on)`);
    await q.query(`CREATE INDEX deliverable_group_idx ON deliverable (working_group_id)`);
    await q.query(`CREATE INDEX deliverable_open_due_idx ON deliverable (due_on) WHERE status NOT IN ('delivered', 'cancelled')`);

    // The workflow, as data the trigger and the service can both read.
    await q.query(`
      CREATE TABLE deliverable_transition (
        from_status text NOT NULL,
        to_status text NOT NULL,
        PRIMARY KEY (from_status, to_status)
      )`);
    await q.query(`
      INSERT INTO deliverable_transition (from_status, to_status) VALUES
        ('planned', 'in_progress'), ('planned', 'cancelled'),
        ('in_progress', 'planned'), ('in_progress', 'in_review'), ('in_progress', 'cancelled'),
        ('in_review', 'in_progress'), ('in_review', 'approved'), ('in_review', 'cancelled'),
        ('approved', 'in_progress'), ('approved', 'delivered'), ('approved', 'cancelled'),
        ('cancelled', 'planned')`);
    await q.query(`
      CREATE FUNCTION deliverable_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status
           AND NOT EXISTS (SELECT 1 FROM deliverable_transition WHERE from_status = OLD.status AND to_status = NEW.status) THEN
          RAISE EXCEPTION 'deliverable % cannot go from % to %', NEW.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deliverable_status_transition';
        END IF;
        IF NEW.due_on IS DISTINCT FROM OLD.due_on
           AND NOT EXISTS (SELECT 1 FROM deliverable_deadline_change c
                            WHERE c.deliverable_id = NEW.id AND c.old_due_on = OLD.due_on AND c.new_due_on = NEW.due_on
                              AND c.changed_at = now()) THEN
          RAISE EXCEPTION 'the due date of deliverable % changed without a recorded reason', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deliverable_deadline_change_required';
        END IF;
        IF NEW.commission_id IS DISTINCT FROM OLD.commission_id THEN
          RAISE EXCEPTION 'a deliverable cannot move to another commission'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deliverable_commission_fixed';
        END IF;
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE TABLE deliverable_deadline_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deliverable_id uuid NOT NULL REFERENCES deliverable (id) ON DELETE CASCADE,
        old_due_on date NOT NULL,
        new_due_on date NOT NULL CHECK (new_due_on BETWEEN '1900-01-01' AND '2200-12-31'),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 5000),
        changed_by uuid REFERENCES person (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliverable_deadline_change_moves CHECK (old_due_on <> new_due_on)
      )`);
    await q.query(`CREATE INDEX deliverable_deadline_change_idx ON deliverable_deadline_change (deliverable_id, changed_at)`);
    await q.query(`CREATE TRIGGER deliverable_guard BEFORE UPDATE ON deliverable FOR EACH ROW EXECUTE FUNCTION deliverable_guard()`);

    await q.query(`
      CREATE TABLE deliverable_goal (
        deliverable_id uuid NOT NULL REFERENCES deliverable (id) ON DELETE CASCADE,
        goal_id uuid NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
        PRIMARY KEY (deliverable_id, goal_id)
      )`);
    await q.query(`CREATE INDEX deliverable_goal_goal_idx ON deliverable_goal (goal_id)`);
    await q.query(`
      CREATE FUNCTION deliverable_goal_of_strategy() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM deliverable d JOIN commission c ON c.id = d.commission_id JOIN goal g ON g.strategy_id = c.strategy_id
                        WHERE d.id = NEW.deliverable_id AND g.id = NEW.goal_id) THEN
          RAISE EXCEPTION 'goal % is not of the commission''s strategy', NEW.goal_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deliverable_goal_of_strategy';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER deliverable_goal_of_strategy BEFORE INSERT OR UPDATE ON deliverable_goal FOR EACH ROW EXECUTE FUNCTION deliverable_goal_of_strategy()`);
    await q.query(`
      CREATE TABLE deliverable_objective (
        deliverable_id uuid NOT NULL,
        commission_id uuid NOT NULL,
        objective_id uuid NOT NULL,
        PRIMARY KEY (deliverable_id, objective_id),
        FOREIGN KEY (deliverable_id, commission_id) REFERENCES deliverable (id, commission_id) ON DELETE CASCADE,
        FOREIGN KEY (objective_id, commission_id) REFERENCES commission_objective (id, commission_id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE document_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deliverable_id uuid NOT NULL REFERENCES deliverable (id) ON DELETE RESTRICT,
        number int NOT NULL CHECK (number >= 1),
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 200),
        filename text NOT NULL CHECK (length(btrim(filename)) BETWEEN 1 AND 255 AND filename !~ '[/\\\\[:cntrl:]]'),
        note text CHECK (note IS NULL OR length(note) <= 2000),
        uploaded_by uuid REFERENCES person (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (deliverable_id, number),
        UNIQUE (id, deliverable_id)
      )`);
    await q.query(`CREATE INDEX document_version_hash_idx ON document_version (content_hash)`);

    await q.query(`
      CREATE TABLE review_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deliverable_id uuid NOT NULL REFERENCES deliverable (id) ON DELETE CASCADE,
        version_id uuid NOT NULL,
        deadline date NOT NULL CHECK (deadline BETWEEN '1900-01-01' AND '2200-12-31'),
        message text CHECK (message IS NULL OR length(message) <= 5000),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        outcome text CHECK (outcome IN ('approved', 'changes_requested', 'inconclusive')),
        outcome_note text CHECK (outcome_note IS NULL OR length(outcome_note) <= 5000),
        opened_by uuid REFERENCES person (id) ON DELETE SET NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_by uuid REFERENCES person (id) ON DELETE SET NULL,
        closed_at timestamptz,
        FOREIGN KEY (version_id, deliverable_id) REFERENCES document_version (id, deliverable_id),
        CONSTRAINT review_round_outcome CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX review_round_one_open ON review_round (deliverable_id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX review_round_open_deadline_idx ON review_round (deadline) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE review_reviewer (
        round_id uuid NOT NULL REFERENCES review_round (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person (id),
        organisation_id uuid REFERENCES organisation (id),
        invited_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, person_id)
      )`);
    await q.query(`CREATE INDEX review_reviewer_person_idx ON review_reviewer (person_id)`);
    await q.query(`
      CREATE TABLE review_answer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        person_id uuid NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('approve', 'request_changes', 'comment')),
        summary text CHECK (summary IS NULL OR length(summary) <= 10000),
        answered_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, person_id),
        FOREIGN KEY (round_id, person_id) REFERENCES review_reviewer (round_id, person_id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE review_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL,
        person_id uuid NOT NULL,
        number int NOT NULL CHECK (number >= 1),
        anchor_kind text NOT NULL CHECK (anchor_kind IN ('general', 'section', 'page', 'line')),
        anchor text CHECK (anchor IS NULL OR length(anchor) <= 200),
        body text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 20000),
        proposed_wording text CHECK (proposed_wording IS NULL OR length(proposed_wording) <= 20000),
        response text CHECK (response IS NULL OR length(response) <= 20000),
        decision text CHECK (decision IN ('accepted', 'partly', 'rejected')),
        responded_by uuid REFERENCES person (id) ON DELETE SET NULL,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, number),
        FOREIGN KEY (round_id, person_id) REFERENCES review_reviewer (round_id, person_id) ON DELETE CASCADE,
        CONSTRAINT review_comment_anchor CHECK ((anchor_kind = 'general') = (anchor IS NULL)),
        CONSTRAINT review_comment_decided CHECK ((decision IS NULL) = (responded_at IS NULL))
      )`);
    await q.query(`CREATE INDEX review_comment_round_idx ON review_comment (round_id, number)`);
    await q.query(`
      CREATE FUNCTION review_round_is_open() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM review_round WHERE id = NEW.round_id AND status = 'open') THEN
          RAISE EXCEPTION 'review round % is closed', NEW.round_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'review_round_closed';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER review_answer_open BEFORE INSERT OR UPDATE ON review_answer FOR EACH ROW EXECUTE FUNCTION review_round_is_open()`);
    // Responses to comments come after the round closed; only new comments need an open round.
    await q.query(`CREATE TRIGGER review_comment_open BEFORE INSERT ON review_comment FOR EACH ROW EXECUTE FUNCTION review_round_is_open()`);

    // The on-track / at-risk / late rule; keep it equal to deliverableHealth() (a test compares them).
    await q.query(`
      CREATE FUNCTION deliverable_health(due_on date, status text, today date) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN status IN ('delivered', 'cancelled') THEN NULL
          WHEN today > due_on THEN 'late'
          WHEN status = 'planned' AND due_on - today <= 30 THEN 'at_risk'
          WHEN status = 'in_progress' AND due_on - today <= 14 THEN 'at_risk'
          WHEN status = 'in_review' AND due_on - today <= 7 THEN 'at_risk'
          ELSE 'on_track'
        END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_comment, review_answer, review_reviewer, review_round, document_version, deliverable_objective,
                   deliverable_goal, deliverable_deadline_change, deliverable_transition, deliverable CASCADE`);
    await q.query(`DROP FUNCTION deliverable_health(date, text, date), review_round_is_open(), deliverable_goal_of_strategy(), deliverable_guard()`);
  }
}
