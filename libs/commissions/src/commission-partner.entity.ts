import { Entity, PrimaryColumn } from 'typeorm';

@Entity('commission_partner')
export class CommissionPartner {
  @PrimaryColumn({ type: 'uuid' })
  commissionId: string;

  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;
}
