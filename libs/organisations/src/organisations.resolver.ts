import { Args, ID, Mutation, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { AccessService } from '@samverkan/access';
import { Allow, Connection, ConnectionArgs, Ctx, Permission, RequestContext } from '@samverkan/core';
import { Organisation, OrganisationKind } from './organisation.entity';
import { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.inputs';
import { OrganisationsService } from './organisations.service';
import { Region } from './region.entity';
import { RegionsService } from './regions.service';

export const OrganisationConnection = Connection(Organisation);

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly service: OrganisationsService,
    private readonly regionList: RegionsService,
    private readonly access: AccessService,
  ) {}

  @Allow(Permission.Public)
  @Query(() => [Region], { description: 'The controlled list of regions (Swedish regions, Danish regioner), of one country or all.' })
  regions(@Args('country', { nullable: true }) country?: string): Promise<Region[]> {
    return this.regionList.ofCountry(country?.slice(0, 2));
  }

  @Allow(Permission.Authenticated)
  @Query(() => Organisation, { description: 'Organisations are public register data.' })
  organisation(@Args('id', { type: () => ID }) id: string): Promise<Organisation> {
    return this.service.get(id);
  }

  @Allow(Permission.Authenticated)
  @Query(() => OrganisationConnection)
  organisations(
    @Args() args: ConnectionArgs,
    @Args('search', { nullable: true }) search?: string,
    @Args('kind', { type: () => OrganisationKind, nullable: true }) kind?: OrganisationKind,
    @Args('country', { nullable: true }) country?: string,
    @Args('regionCode', { nullable: true }) regionCode?: string,
  ) {
    return this.service.list(args, { search: search?.slice(0, 200), kind, country, regionCode: regionCode?.slice(0, 10) });
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Organisation, { description: 'Secretariats and administrators.' })
  async createOrganisation(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    await this.access.requireManagesAny(ctx);
    return this.service.create(ctx, input);
  }

  @Allow(Permission.Authenticated)
  @Mutation(() => Organisation, { description: 'Secretariats and administrators.' })
  async updateOrganisation(@Ctx() ctx: RequestContext, @Args('input') input: UpdateOrganisationInput): Promise<Organisation> {
    await this.access.requireManagesAny(ctx);
    return this.service.update(ctx, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'The name of its region (from the list), e.g. Region Midtjylland.' })
  async region(@Parent() organisation: Organisation): Promise<string | null> {
    return organisation.regionCode ? ((await this.regionList.byCode(organisation.regionCode))?.name ?? null) : null;
  }

  @ResolveField(() => Organisation, { nullable: true })
  parent(@Ctx() ctx: RequestContext, @Parent() organisation: Organisation) {
    return organisation.parentId ? this.service.load(ctx, organisation.parentId) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Contact address; visible to secretariats.' })
  async email(@Ctx() ctx: RequestContext, @Parent() organisation: Organisation) {
    return (await this.access.managesAny(ctx)) ? organisation.email : null;
  }
}
