import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@samverkan/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One uploaded version of a deliverable's document, stored by content hash. */
@ObjectType()
@Entity('document_version')
export class DocumentVersion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  deliverableId: string;

  @Field({ description: '1, 2, 3… per deliverable.' })
  @Column({ type: 'int' })
  number: number;

  @Field({ description: 'sha-256 of the content, hex.' })
  @Column({ type: 'text' })
  contentHash: string;

  @Field({ description: 'Bytes.' })
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  sizeBytes: number;

  @Field({ description: 'Found by reading the content, not taken from the upload header.' })
  @Column({ type: 'text' })
  mediaType: string;

  @Field()
  @Column({ type: 'text' })
  filename: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;
}
