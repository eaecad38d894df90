import { Args, Field, ID, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Person, PeopleService } from '@samverkan/people';
import { PrivacyService } from './privacy.service';

@InputType()
export class ErasePersonInput {
  @Field(() => ID)
  @IsUUID()
  personId: string;

  @Field({ description: 'Why (e.g. "request by the person, 2025-03-01"); kept in the audit trail.' })
  @IsString()
  @Length(3, 2000)
  reason: string;
}

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly people: PeopleService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => String, {
    description: 'Everything Samverkan holds about a person, as a JSON document (GDPR access request): the person themselves, their secretariat or an administrator. Audited.',
  })
  async personalDataExport(@Ctx() ctx: RequestContext, @Args('personId', { type: () => ID }) personId: string): Promise<string> {
    return JSON.stringify(await this.privacy.export(ctx, personId), null, 2);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Person, {
    description:
      'Erases a person (GDPR): contact data, preferences, logins and sessions go; appointments, minutes, decisions and the audit trail keep the id under "erased person". The secretariat for the person or an administrator. Audited.',
  })
  async erasePerson(@Ctx() ctx: RequestContext, @Args('input') input: ErasePersonInput): Promise<Person> {
    await this.privacy.erase(ctx, input.personId, input.reason.trim());
    return this.people.get(input.personId);
  }
}
