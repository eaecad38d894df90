import { registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum PollAnswer {
  YES = 'yes',
  IF_NEED_BE = 'if_need_be',
  NO = 'no',
}
registerEnumType(PollAnswer, { name: 'PollAnswer' });

@Entity('date_poll_answer')
export class DatePollAnswer {
  @PrimaryColumn({ type: 'uuid' })
  optionId: string;

  @PrimaryColumn({ type: 'uuid' })
  personId: string;

  @Column({ type: 'text' })
  answer: PollAnswer;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  answeredAt: Date;
}
