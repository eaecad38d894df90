import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType({ description: 'A conflict of interest (jäv) you declare on an agenda item of a meeting you are invited to, before it starts.' })
export class DeclareConflictOfInterestInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId: string;

  @Field({ description: 'Why, e.g. "I sit on the board of the applicant". 1–2000 characters.' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}
