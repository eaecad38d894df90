import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('nomination_candidate')
export class NominationCandidate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  nominationId: string;

  @Column({ type: 'uuid' })
  personId: string;

  @Column({ type: 'text', nullable: true })
  gender: string | null;

  @Column({ type: 'text', nullable: true })
  perspective: string | null;

  @Column({ type: 'int', default: 1 })
  rank: number;
}
