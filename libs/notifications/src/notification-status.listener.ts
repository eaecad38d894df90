import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxService } from '@samverkan/mail';

const NEXT: Record<'pending' | 'sent' | 'failed', { to: string; from: string[] }> = {
  sent: { to: 'sent', from: ['queued'] },
  failed: { to: 'failed', from: ['queued'] },
  pending: { to: 'queued', from: ['sent', 'failed'] },
};

/** Keeps each notification's status in step with its mail, in the mail's transaction. */
@Injectable()
export class NotificationStatusListener implements OnModuleInit {
  constructor(private readonly outbox: OutboxService) {}

  onModuleInit(): void {
    this.outbox.onStatusChange((manager, ids, status) => this.follow(manager, ids, status));
  }

  private async follow(manager: EntityManager, outboxIds: string[], status: 'pending' | 'sent' | 'failed'): Promise<void> {
    const { to, from } = NEXT[status];
    await manager.query(`UPDATE notification SET status = $2, updated_at = now() WHERE outbox_id = ANY($1::uuid[]) AND status = ANY($3::text[])`, [
      outboxIds,
      to,
      from,
    ]);
  }
}
