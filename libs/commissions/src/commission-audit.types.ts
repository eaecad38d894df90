import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AuditEventType, Connection, ConnectionArgs, DateTimeInput, DateTimeScalar, IsDateTimeInput } from '@samverkan/core';

@ObjectType()
export class AuditEventConnection extends Connection(AuditEventType) {}

/** A commission's audit trail, narrowed by entity, actor and time. */
@ArgsType()
export class CommissionAuditArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  commissionId: string;

  @Field(() => String, { nullable: true, description: 'Only this kind of entity, e.g. meeting, deliverable, seat_allocation.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;

  @Field(() => String, { nullable: true, description: 'Only entities whose name contains this text (a meeting’s title, a group’s name, an organisation…).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityName?: string;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this person.' })
  @IsOptional()
  @IsUUID()
  actorPersonId?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Changes at or after this moment (with an offset).' })
  @IsOptional()
  @IsDateTimeInput()
  from?: DateTimeInput;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Changes before this moment (with an offset).' })
  @IsOptional()
  @IsDateTimeInput()
  to?: DateTimeInput;
}

/** One kind of entity in a commission's trail and how many events it has (for the filter). */
@ObjectType()
export class AuditEntityCount {
  @Field()
  entity: string;

  @Field()
  events: number;
}
