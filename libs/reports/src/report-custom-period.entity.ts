import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('report_custom_period')
export class ReportCustomPeriod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  commissionId: string;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
