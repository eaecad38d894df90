import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('login_attempt')
export class LoginAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  attemptedAt: Date;
}
