import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReminderProps } from './reminder-rule';

export interface OwedNotification {
  personId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  dueAt: Date;
  dedupeKey: string;
  props: ReminderProps;
}

/** For areas that owe a notification because of an event rather than a rule. */
@Injectable()
export class NotificationService {
  /**
   * Writes owed notifications inside the caller's transaction; a dedupe key
   * already present is left as it is. Returns how many were new.
   */
  async owe(manager: EntityManager, notifications: OwedNotification[]): Promise<number> {
    if (notifications.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification (person_id, kind, subject_type, subject_id, due_at, dedupe_key, props)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[], $6::text[], $7::jsonb[])
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING 1`,
      [
        notifications.map((n) => n.personId),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.subjectType),
        notifications.map((n) => n.subjectId),
        notifications.map((n) => n.dueAt),
        notifications.map((n) => n.dedupeKey),
        notifications.map((n) => JSON.stringify(n.props)),
      ],
    );
    return rows.length;
  }
}
