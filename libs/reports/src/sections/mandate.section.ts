import { runPlan } from './section';
import type { PlanScope, Queryable, ReportSection, SectionPlan, SectionResult, SectionScope } from './section';

export interface DeadlineChange {
  decidedOn: string;
  reason: string | null;
  referenceNumber: string | null;
  previousDeadline: string | null;
  newDeadline: string | null;
  inPeriod: boolean;
}

export interface MandateSection {
  id: string;
  title: string;
  kind: string;
  referenceNumber: string | null;
  status: string;
  cadence: string;
  timeZone: string;
  startsOn: string;
  commissioningBody: string;
  leadOrganisation: string;
  partners: string[];
  objectives: { letter: string; text: string; withdrawn: boolean }[];
  /** The deadline as of the report's day (after the amendments decided by then). */
  reportingDeadline: string | null;
  initialReportingDeadline: string | null;
  /** Every amendment decided by the report's day, oldest first; those with a new deadline are the deadline history. */
  amendments: DeadlineChange[];
}

/** Mandate and deadline, with every change decided up to the report's day. One statement. */
export class MandateSectionBuilder implements ReportSection<MandateSection> {
  readonly name = 'mandate';

  build(q: Queryable, scope: SectionScope): Promise<SectionResult<MandateSection>> {
    return runPlan(q, this.plan(scope), scope);
  }

  plan(scope: PlanScope): SectionPlan<MandateSection> {
    const sql = `SELECT c.id, c.title, c.kind, c.reference_number, c.status, c.report_cadence, c.time_zone, c.starts_on::text,
              c.initial_reporting_deadline::text, c.reporting_deadline::text,
              body.name AS commissioning_body, lead.name AS lead_organisation,
              coalesce((SELECT json_agg(o.name ORDER BY o.name) FROM commission_partner cp JOIN organisation o ON o.id = cp.organisation_id
                         WHERE cp.commission_id = c.id), '[]') AS partners,
              coalesce((SELECT json_agg(json_build_object('letter', ob.letter, 'text', ob.text,
                                                          'withdrawn', wa.id IS NOT NULL AND wa.decided_on <= $2) ORDER BY ob.letter)
                          FROM commission_objective ob
                          LEFT JOIN commission_amendment aa ON aa.id = ob.added_by_amendment_id
                          LEFT JOIN commission_amendment wa ON wa.id = ob.withdrawn_by_amendment_id
                         WHERE ob.commission_id = c.id AND (aa.id IS NULL OR aa.decided_on <= $2)), '[]') AS objectives,
              coalesce((SELECT json_agg(json_build_object('decidedOn', a.decided_on, 'reason', a.reason, 'referenceNumber', a.reference_number,
                                                          'previousDeadline', a.previous_deadline, 'newDeadline', a.new_deadline,
                                                          'inPeriod', a.decided_on BETWEEN $3 AND $2) ORDER BY a.decided_on, a.created_at)
                          FROM commission_amendment a WHERE a.commission_id = c.id AND a.decided_on <= $2), '[]') AS amendments
         FROM commission c
         JOIN organisation body ON body.id = c.commissioning_body_id
         JOIN organisation lead ON lead.id = c.lead_organisation_id
        WHERE c.id = $1`;
    return { queries: [{ sql, params: [scope.commissionId, scope.asOf, scope.periodStart] }], assemble: ([[row]], values) => this.assemble(row, values) };
  }

  private assemble(row: any, scope: SectionScope): SectionResult<MandateSection> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const amendments = row.amendments as DeadlineChange[];
    const lastDeadline = [...amendments].reverse().find((a) => a.newDeadline)?.newDeadline;
    const data: MandateSection = {
      id: row.id,
      title: row.title,
      kind: row.kind,
      referenceNumber: row.reference_number,
      status: row.status,
      cadence: row.report_cadence,
      timeZone: row.time_zone,
      startsOn: row.starts_on,
      commissioningBody: row.commissioning_body,
      leadOrganisation: row.lead_organisation,
      partners: row.partners,
      objectives: row.objectives,
      initialReportingDeadline: row.initial_reporting_deadline,
      reportingDeadline: lastDeadline ?? row.initial_reporting_deadline ?? row.reporting_deadline,
      amendments,
    };
    const deadline = data.reportingDeadline;
    return {
      data,
      items: [
        {
          key: `mandate:${data.id}`,
          kind: 'mandate',
          title: data.title,
          status: data.status,
          rag: deadline && deadline < scope.asOf && data.status === 'active' ? 'late' : deadline ? 'on_track' : 'no_data',
          dueOn: deadline,
          done: data.status === 'reported' || data.status === 'concluded',
        },
      ],
      activity: amendments.filter((a) => a.inPeriod).length,
    };
  }
}
