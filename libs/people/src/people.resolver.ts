import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService } from '@samverkan/access';
import { Allow, Connection, ConnectionArgs, Ctx, Permission, RequestContext, Translated } from '@samverkan/core';
import { Gender, Person } from './person.entity';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { CreatePersonInput, MergePeopleInput, UpdatePersonInput } from './person.inputs';
import { PeopleService } from './people.service';
import { PeopleMergeService } from './people-merge.service';

export const PersonConnection = Connection(Person);

const ERASED: Translated = { sv: 'Raderad person', da: 'Slettet person', en: 'Erased person' };

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly service: PeopleService,
    private readonly merger: PeopleMergeService,
    private readonly organisations: OrganisationsService,
    private readonly access: AccessService,
  ) {}

  @Allow(Permission.Authenticated)
  @Query(() => Person)
  person(@Args('id', { type: () => ID }) id: string): Promise<Person> {
    return this.service.get(id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => PersonConnection, { description: 'Search people (secretariats and administrators).' })
  async people(
    @Ctx() ctx: RequestContext,
    @Args() args: ConnectionArgs,
    @Args('search', { nullable: true, description: 'Part of a name, an e-mail address or the name of their organisation.' }) search?: string,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string,
    @Args('includeMerged', { nullable: true, description: 'Also records merged into another person.' }) includeMerged?: boolean,
  ) {
    await this.access.requireManagesAny(ctx);
    return this.service.list(args, { search: search?.slice(0, 200), organisationId: organisationId?.slice(0, 36), includeMerged });
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Person, {
    description: 'Merges a duplicate into the person kept, in one transaction (seats, invitations, nominations, roles… move); administrators, or a secretariat for people only in its commissions.',
  })
  async mergePeople(@Ctx() ctx: RequestContext, @Args('input') input: MergePeopleInput): Promise<Person> {
    await this.access.requireManagesAny(ctx);
    await this.merger.requireMayMerge(ctx, input, (c) => this.access.managedCommissionIds(c));
    return this.merger.merge(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Person, { description: 'Secretariats and administrators.' })
  async createPerson(@Ctx() ctx: RequestContext, @Args('input') input: CreatePersonInput): Promise<Person> {
    await this.access.requireManagesAny(ctx);
    return this.service.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Person, { description: 'The person themself, their secretariat, or an administrator.' })
  async updatePerson(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePersonInput): Promise<Person> {
    await this.service.get(input.id);
    await this.service.requirePrivateAccess(ctx, input.id, this.access);
    return this.service.update(ctx, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to the person, their secretariat and administrators.' })
  async email(@Ctx() ctx: RequestContext, @Parent() person: Person) {
    return (await this.access.privateDataVisible(ctx, person.id)) ? person.email : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether you may change the person\'s details (the person themself, their secretariat, an administrator): what updatePerson allows.' })
  mayEdit(@Ctx() ctx: RequestContext, @Parent() person: Person) {
    return this.access.privateDataVisible(ctx, person.id);
  }

  @ResolveField(() => Gender, { nullable: true, description: 'For gender-balance reporting only; visible to the person, their secretariat and administrators.' })
  async gender(@Ctx() ctx: RequestContext, @Parent() person: Person) {
    return (await this.access.privateDataVisible(ctx, person.id)) ? person.gender : null;
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation the person belongs to.' })
  affiliation(@Ctx() ctx: RequestContext, @Parent() person: Person) {
    return person.affiliationId ? this.organisations.load(ctx, person.affiliationId) : null;
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person this duplicate was merged into.' })
  mergedInto(@Ctx() ctx: RequestContext, @Parent() person: Person) {
    return person.mergedIntoId ? this.service.load(ctx, person.mergedIntoId) : null;
  }

  @ResolveField(() => String, { description: 'The name, or "erased person" with a stable short id after erasure, in the reader\'s language.' })
  displayName(@Ctx() ctx: RequestContext, @Parent() person: Person): string {
    return person.erasedAt ? `${ERASED[ctx.locale]} ${person.id.slice(0, 8)}` : person.fullName;
  }
}
