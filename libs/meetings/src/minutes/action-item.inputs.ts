import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
import { ActionItemStatus } from './action-item.entity';

@InputType()
export class UpdateActionItemInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => ActionItemStatus)
  @IsEnum(ActionItemStatus)
  status: ActionItemStatus;
}
