import { DateTime } from 'luxon';

/** How often a commission reports (the commission's `report_cadence`). */
export type Cadence = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly' | 'custom' | 'none';

/** A reporting period: a key users and URLs use ("2025-Q1") and its first and last day. */
export interface ReportPeriod {
  key: string;
  start: string;
  end: string;
  cadence: Exclude<Cadence, 'none'>;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const YEAR = /^(\d{4})$/;
const CUSTOM = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

function date(year: number, month: number, day = 1): DateTime {
  return DateTime.utc(year, month, day);
}

function span(key: string, cadence: ReportPeriod['cadence'], start: DateTime, months: number): ReportPeriod {
  return { key, cadence, start: start.toISODate()!, end: start.plus({ months }).minus({ days: 1 }).toISODate()! };
}

/**
 * Reads a period key: `2025-03` (month), `2025-Q1`, `2025-H2`, `2025` (year) or
 * `2025-01-01..2025-02-15` (a custom period). Undefined for anything else.
 */
export function parsePeriodKey(key: string): ReportPeriod | undefined {
  let m: RegExpExecArray | null;
  if ((m = MONTH.exec(key))) return span(key, 'monthly', date(+m[1], +m[2]), 1);
  if ((m = QUARTER.exec(key))) return span(key, 'quarterly', date(+m[1], (+m[2] - 1) * 3 + 1), 3);
  if ((m = HALF.exec(key))) return span(key, 'half_yearly', date(+m[1], +m[2] === 1 ? 1 : 7), 6);
  if ((m = YEAR.exec(key))) return span(key, 'yearly', date(+m[1], 1), 12);
  if ((m = CUSTOM.exec(key))) {
    const start = DateTime.fromISO(m[1], { zone: 'utc' });
    const end = DateTime.fromISO(m[2], { zone: 'utc' });
    if (!start.isValid || !end.isValid || end < start || start.toISODate() !== m[1] || end.toISODate() !== m[2]) return undefined;
    return { key, cadence: 'custom', start: m[1], end: m[2] };
  }
  return undefined;
}

/** The period of a (non-custom) cadence that contains a day. */
export function periodContaining(cadence: Exclude<Cadence, 'none' | 'custom'>, day: string): ReportPeriod {
  const d = DateTime.fromISO(day, { zone: 'utc' });
  switch (cadence) {
    case 'monthly':
      return parsePeriodKey(d.toFormat('yyyy-MM'))!;
    case 'quarterly':
      return parsePeriodKey(`${d.year}-Q${Math.ceil(d.month / 3)}`)!;
    case 'half_yearly':
      return parsePeriodKey(`${d.year}-H${d.month > 6 ? 2 : 1}`)!;
    case 'yearly':
      return parsePeriodKey(String(d.year))!;
  }
}

export function customPeriodKey(start: string, end: string): string {
  return `${start}..${end}`;
}

/**
 * The same keys in SQL, for the set-based query of owed periods: `$cadence` and
 * `$start` are SQL expressions (text and date). Kept beside `parsePeriodKey` so
 * the two cannot drift apart unnoticed (period.spec.ts compares them).
 */
export function periodKeySql(cadence: string, start: string, end: string): string {
  return `CASE ${cadence}
    WHEN 'monthly' THEN to_char(${start}, 'YYYY-MM')
    WHEN 'quarterly' THEN to_char(${start}, 'YYYY-"Q"Q')
    WHEN 'half_yearly' THEN to_char(${start}, 'YYYY') || CASE WHEN extract(month FROM ${start}) > 6 THEN '-H2' ELSE '-H1' END
    WHEN 'yearly' THEN to_char(${start}, 'YYYY')
    ELSE to_char(${start}, 'YYYY-MM-DD') || '..' || to_char(${end}, 'YYYY-MM-DD') END`;
}

/**
 * Every period of every reporting commission (or one) that has ended (in the
 * commission's time zone) and has no scheduled report yet, oldest first. Periods
 * start from the later of the commission's start and the day it was registered
 * (nothing was recorded before) and stop after the reporting deadline. One statement.
 */
export function owedPeriodsSql(): string {
  return `
    WITH c AS (
      SELECT id, report_cadence AS cadence, reporting_deadline,
             (now() AT TIME ZONE time_zone)::date AS today,
             greatest(starts_on, (created_at AT TIME ZONE time_zone)::date) AS from_date
        FROM commission
       WHERE report_cadence <> 'none' AND status IN ('active', 'reported')
         AND ($1::uuid IS NULL OR id = $1)
    ), stepped AS (
      SELECT c.*,
             CASE cadence WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
                          WHEN 'half_yearly' THEN interval '6 months' ELSE interval '1 year' END AS step,
             CASE cadence WHEN 'monthly' THEN date_trunc('month', from_date::timestamp)
                          WHEN 'quarterly' THEN date_trunc('quarter', from_date::timestamp)
                          WHEN 'half_yearly' THEN date_trunc('year', from_date::timestamp)
                                                  + CASE WHEN extract(month FROM from_date) > 6 THEN interval '6 months' ELSE interval '0' END
                          ELSE date_trunc('year', from_date::timestamp) END AS first_start
        FROM c WHERE cadence <> 'custom'
    ), periods AS (
      SELECT s.id AS commission_id, s.cadence, p::date AS period_start, (p + s.step - interval '1 day')::date AS period_end,
             s.today, s.reporting_deadline
        FROM stepped s, generate_series(s.first_start, s.today::timestamp, s.step) AS p
      UNION ALL
      SELECT c.id, c.cadence, r.starts_on, r.ends_on, c.today, c.reporting_deadline
        FROM c JOIN report_custom_period r ON r.commission_id = c.id
       WHERE c.cadence = 'custom' AND r.ends_on >= c.from_date
    ), keyed AS (
      SELECT commission_id, period_start, period_end, ${periodKeySql('cadence', 'period_start', 'period_end')} AS period_key
        FROM periods
       WHERE period_end < today AND (reporting_deadline IS NULL OR period_start <= reporting_deadline)
    )
    SELECT k.commission_id, k.period_key, k.period_start::text AS period_start, k.period_end::text AS period_end
      FROM keyed k
     WHERE NOT EXISTS (SELECT 1 FROM status_report r WHERE r.commission_id = k.commission_id AND r.kind = 'scheduled' AND r.period_key = k.period_key)
     ORDER BY k.commission_id, k.period_start`;
}
