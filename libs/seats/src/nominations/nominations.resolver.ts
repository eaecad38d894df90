import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { Person } from '@samverkan/people';
import { NominationsService } from './nominations.service';
import { Nomination } from './nomination.entity';
import { NominationRequest } from './nomination-request.entity';
import { RequestNominationInput, SubmitNominationInput } from './nomination.inputs';

@Resolver(() => NominationRequest)
export class NominationResolver {
  constructor(
    private readonly nominations: NominationsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Allow(Permission.Authenticated)
  @Mutation(() => NominationRequest, { description: 'Asks an organisation to nominate people for an allocation.' })
  requestNomination(@Ctx() ctx: RequestContext, @Args('input') input: RequestNominationInput) {
    return this.nominations.request(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Nomination, { description: 'Records the people an organisation proposes.' })
  submitNomination(@Ctx() ctx: RequestContext, @Args('input') input: SubmitNominationInput) {
    return this.nominations.submit(ctx, input);
  }

  @ResolveField(() => Organisation)
  organisation(@Ctx() ctx: RequestContext, @Parent() request: NominationRequest) {
    return this.organisations.load(ctx, request.organisationId);
  }

  @ResolveField('nominations', () => [Nomination])
  nominationList(@Parent() request: NominationRequest) {
    return this.nominations.nominationsOf(request.id);
  }
}

@Resolver(() => Nomination)
export class NominationCandidatesResolver {
  constructor(private readonly nominations: NominationsService) {}

  @ResolveField(() => [Person])
  candidates(@Parent() nomination: Nomination) {
    return this.nominations.candidatesOf(nomination.id);
  }
}
