import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One answer given from a signed mail link (or a link revoked by hand). A
 * single-use link has at most one row: the unique index decides a double submit.
 */
@ObjectType('MailAnswer', { description: 'An answer a person gave from a link in a mail, without signing in.' })
@Entity('mail_link_use')
export class MailLinkUse {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { description: 'The link (its token id); one link can carry one answer when the action is single-use.' })
  @Column({ type: 'uuid' })
  linkId: string;

  @Field({ description: 'e.g. "nomination.reply".' })
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'boolean' })
  singleUse: boolean;

  @Field(() => String, { description: 'How the answer came: "mail-link" (a button in the mail) or "calendar-reply" (Accept / Decline in a calendar, mailed back to us).' })
  @Column({ type: 'text', default: 'mail-link' })
  channel: 'mail-link' | 'calendar-reply';

  @Column({ type: 'text', default: 'used' })
  state: 'used' | 'revoked';

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Field()
  @Column({ type: 'text' })
  subjectType: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  commissionId: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  answer: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Field(() => DateTimeScalar, { description: 'When the answer was given.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
