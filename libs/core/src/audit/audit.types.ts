import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/date-time.scalar';
import { AuditEvent } from './audit-event.entity';

@ObjectType('AuditChange', { description: 'One changed field; values are JSON.' })
export class AuditChangeType {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  before: string | null;

  @Field(() => String, { nullable: true })
  after: string | null;
}

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => DateTimeScalar)
  occurredAt: Date;

  @Field(() => ID, { nullable: true })
  actorPersonId: string | null;

  @Field()
  entity: string;

  @Field()
  entityId: string;

  @Field(() => String, { nullable: true, description: 'The entity’s name or title today (a commission’s trail only).' })
  entityName?: string | null;

  @Field(() => ID, { nullable: true, description: 'The commission the entity belongs to.' })
  commissionId: string | null;

  @Field()
  action: string;

  @Field(() => [AuditChangeType])
  changes: AuditChangeType[];

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'Where the change came from when not a signed-in session, e.g. "mail-link:nomination.reply:<link id>".' })
  origin: string | null;

  static from(event: AuditEvent & { entityName?: string | null }): AuditEventType {
    return Object.assign(new AuditEventType(), {
      ...event,
      changes: Object.entries(event.changes ?? {}).map(([field, change]) => ({
        field,
        before: change.before === undefined ? null : JSON.stringify(change.before),
        after: change.after === undefined ? null : JSON.stringify(change.after),
      })),
    });
  }
}
