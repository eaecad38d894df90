import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, inTransaction } from '@samverkan/core';
import { ReminderRule, bindRuleSql, computedReminderRules } from './reminder-rule';

export interface RuleOutcome {
  kind: string;
  owed: number;
  cancelled: number;
  error?: string;
}

const RULES_LOCK = 'samverkan.reminder-rules';

/**
 * Turns the registered rules into notification rows with one set-based
 * statement per rule (owe what is new, cancel what is gone), in one transaction per rule. Only one worker computes
 * at a time (an advisory lock); the other skips, as the result would be the same.
 */
@Injectable()
export class ReminderEngine {
  private readonly logger = new Logger(ReminderEngine.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  window(now: Date): { from: Date; until: Date } {
    const day = 86_400_000;
    return { from: new Date(now.getTime() - this.config.REMINDER_GRACE_DAYS * day), until: new Date(now.getTime() + this.config.REMINDER_LOOKAHEAD_DAYS * day) };
  }

  /** Runs every rule; returns undefined when another worker is already at it. */
  async run(now = new Date(), rules: ReminderRule[] = computedReminderRules()): Promise<RuleOutcome[] | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [RULES_LOCK]);
      if (!locked) return undefined;
      try {
        const outcomes: RuleOutcome[] = [];
        for (const rule of rules) outcomes.push(await this.runRule(rule, now));
        return outcomes;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [RULES_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  async runRule(rule: ReminderRule, now: Date): Promise<RuleOutcome> {
    const { from, until } = this.window(now);
    if (!rule.owedSql) return { kind: rule.kind, owed: 0, cancelled: 0 };
    const owedSql = bindRuleSql(rule.owedSql);
    try {
      // One statement per rule: the rule's query runs once and feeds both the insert
      // of what is newly owed and the cancelling of what no longer is (as two
      // statements it ran twice: ~40 % of every sweep over the benchmark's 1,000,000
      // candidates, bench/README.md). The set is cut to the window widened by a day
      // inside the CTE, so PostgreSQL still pushes the window into the rule's query
      // (a plain MATERIALIZED CTE would not). The widening keeps cancelling as
      // exact as comparing with everything the rule owes: a dedupe key holds the
      // date it is about, so for one key the due moment moves only with the
      // person's time zone, by less than a day. The UPDATE does not see the rows
      // the INSERT adds (one snapshot) and needs not: they are all in `owed`.
      return await inTransaction(this.dataSource, async (manager) => {
        // Room for the hashed NOT IN below: PostgreSQL hashes it only while it expects
        // the rule's keys to fit in work_mem (64 MB: several hundred thousand keys).
        await manager.query(`SET LOCAL work_mem = '64MB'`);
        const [counts]: { owed: number; cancelled: number }[] = await manager.query(
          `WITH owed AS MATERIALIZED (
             SELECT * FROM (${owedSql}) rule
              WHERE rule.due_at >= $1::timestamptz - interval '1 day' AND rule.due_at < $2::timestamptz + interval '1 day'),
           inserted AS (
             INSERT INTO notification (person_id, kind, subject_type, subject_id, due_at, dedupe_key, props)
             SELECT person_id, $3, subject_type, subject_id, due_at, dedupe_key, coalesce(props, '{}'::jsonb)
               FROM owed
              WHERE due_at >= $1 AND due_at < $2
                -- An erased person (GDPR) is owed nothing any more, whatever the rule says.
                AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = owed.person_id AND p.erased_at IS NOT NULL)
             ON CONFLICT (dedupe_key) DO NOTHING
             RETURNING 1),
           cancelled AS (
             UPDATE notification n
                SET status = 'cancelled', cancel_reason = 'no longer owed (subject changed or done)', updated_at = now()
              WHERE n.kind = $3 AND n.status = 'owed' AND n.due_at >= $1 AND n.due_at < $2
                -- NOT IN, not NOT EXISTS: a hashed lookup whatever the rule's row estimate,
                -- where the anti-join became a nested loop of owed × owed when the estimate
                -- was low (seat.vacant: 4,500 × 4,500 comparisons, 2.3 s). Dedupe keys are never null.
                AND n.dedupe_key NOT IN (SELECT o.dedupe_key FROM owed o)
             RETURNING 1)
           SELECT (SELECT count(*) FROM inserted)::int AS owed, (SELECT count(*) FROM cancelled)::int AS cancelled`,
          [from, until, rule.kind],
        );
        return { kind: rule.kind, owed: counts.owed, cancelled: counts.cancelled };
      });
    } catch (error) {
      // One broken rule (say, an area's table is missing) must not stop the others.
      const message = (error as Error).message;
      this.logger.error(`Reminder rule ${rule.kind} failed: ${message}`);
      return { kind: rule.kind, owed: 0, cancelled: 0, error: message };
    }
  }
}
