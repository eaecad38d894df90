import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DeliveryMode } from './notification.entity';

/** How one person wants reminders: at once or bundled, and which kinds not at all. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn('uuid')
  personId: string;

  @Column({ type: 'text', default: 'immediate' })
  delivery: DeliveryMode;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  optedOutKinds: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
