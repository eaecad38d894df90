import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum CommissionRoleName {
  SECRETARIAT = 'secretariat',
  CHAIR = 'chair',
  MEMBER = 'member',
  COMMISSIONER = 'commissioner',
  OBSERVER = 'observer',
}
registerEnumType(CommissionRoleName, { name: 'CommissionRoleName' });

@ObjectType()
@Entity('commission_role')
export class CommissionRole {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  commissionId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => CommissionRoleName)
  @Column({ type: 'text' })
  role: CommissionRoleName;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
