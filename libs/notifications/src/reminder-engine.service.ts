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
 * Turns the registered rules into notification rows with two set-based
 * statements per rule, in one transaction per rule. Only one worker computes
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
      return await inTransaction(this.dataSource, async (manager) => {
        const inserted: unknown[] = await manager.query(
          `WITH owed AS (${owedSql})
           INSERT INTO notification (person_id, kind, subject_type, subject_id, due_at, dedupe_key, props)
           SELECT person_id, $3, subject_type, subject_id, due_at, dedupe_key, coalesce(props, '{}'::jsonb)
             FROM owed
            WHERE due_at >= $1 AND due_at < $2
              -- An erased person (GDPR) is owed nothing any more, whatever the rule says.
              AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = owed.person_id AND p.erased_at IS NOT NULL)
           ON CONFLICT (dedupe_key) DO NOTHING
           RETURNING 1`,
          [from, until, rule.kind],
        );
        const [, cancelled] = (await manager.query(
          `WITH owed AS (${owedSql})
           UPDATE notification n
              SET status = 'cancelled', cancel_reason = 'no longer owed (subject changed or done)', updated_at = now()
            WHERE n.kind = $3 AND n.status = 'owed' AND n.due_at >= $1 AND n.due_at < $2
              AND NOT EXISTS (SELECT 1 FROM owed o WHERE o.dedupe_key = n.dedupe_key)`,
          [from, until, rule.kind],
        )) as [unknown, number];
        return { kind: rule.kind, owed: inserted.length, cancelled: cancelled ?? 0 };
      });
    } catch (error) {
      // One broken rule (say, an area's table is missing) must not stop the others.
      const message = (error as Error).message;
      this.logger.error(`Reminder rule ${rule.kind} failed: ${message}`);
      return { kind: rule.kind, owed: 0, cancelled: 0, error: message };
    }
  }
}
