import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Registration } from './registration.entity';
import { RegisterForEventInput } from './registration.inputs';
import { RegistrationResult } from './registration.types';
import { RegistrationsService } from './registrations.service';

@Resolver(() => Registration)
export class RegistrationResolver {
  constructor(private readonly registrations: RegistrationsService) {}

  @Allow(Permission.Public)
  @Mutation(() => RegistrationResult, { description: 'Registers for an open event without an account; registering again with the same email is the same registration.' })
  registerForEvent(@Ctx() ctx: RequestContext, @Args('input') input: RegisterForEventInput) {
    return this.registrations.register(ctx, input);
  }

  @Allow(Permission.Public)
  @Mutation(() => RegistrationResult, { description: 'Cancels a registration with the secret from its confirmation mail; the first on the waitlist moves up.' })
  cancelRegistration(@Ctx() ctx: RequestContext, @Args('token') token: string) {
    return this.registrations.cancel(ctx, token.slice(0, 200));
  }

  @ResolveField(() => String, { description: 'Secretariat only (the list is).' })
  email(@Parent() registration: Registration) {
    return registration.email;
  }
}
