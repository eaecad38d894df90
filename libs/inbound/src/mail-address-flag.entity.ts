import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An address that bounced hard: counted once per mail, flagged after INBOUND_HARD_BOUNCES_TO_FLAG. */
@Entity('mail_address_flag')
export class MailAddressFlag {
  @PrimaryColumn('text')
  address: string;

  @Column({ type: 'integer', default: 0 })
  hardBounces: number;

  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastBounceAt: Date;

  @Column({ type: 'text', nullable: true })
  lastReason: string | null;
}
