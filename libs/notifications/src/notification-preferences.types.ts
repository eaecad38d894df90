import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';

export enum NotificationDeliveryMode {
  IMMEDIATE = 'immediate',
  DAILY = 'daily',
  WEEKLY = 'weekly',
}
registerEnumType(NotificationDeliveryMode, {
  name: 'NotificationDelivery',
  description: 'Each reminder when it falls due, or one digest a day or a week at 08:00 in your time zone.',
});

@ObjectType('NotificationKind', { description: 'A kind of reminder and whether you get it.' })
export class NotificationKindType {
  @Field()
  kind: string;

  @Field({ description: 'Its name in your language.' })
  label: string;

  @Field({ description: 'Whether you may turn it off.' })
  optOutAllowed: boolean;

  @Field()
  optedOut: boolean;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesType {
  @Field(() => NotificationDeliveryMode)
  delivery: NotificationDeliveryMode;

  @Field(() => [String], { description: 'The kinds you turned off.' })
  optedOutKinds: string[];

  @Field(() => [NotificationKindType])
  kinds: NotificationKindType[];
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field(() => NotificationDeliveryMode, { nullable: true })
  @IsOptional()
  @IsEnum(NotificationDeliveryMode)
  delivery?: NotificationDeliveryMode;

  @Field(() => [String], { nullable: true, description: 'The kinds to turn off (replaces the list); only kinds that allow it.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  optedOutKinds?: string[];
}
