import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource, In, Repository } from 'typeorm';
import {
  plannedValue,
  AuditService,
  BadInputError,
  ConnectionArgs,
  ConnectionShape,
  NotFoundError,
  RequestContext,
  inTransaction,
  oneByKeys,
  paginate,
  registerConstraintErrors,
  registerMessages,
  ErrorCode,
  definedOnly,
} from '@samverkan/core';
import { Organisation, OrganisationKind } from './organisation.entity';
import { ORGANISATION_PLANNED } from './organisation.planned';
import { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.inputs';
import { RegionsService } from './regions.service';

registerMessages({
  'organisations.nameTaken': {
    sv: 'Det finns redan en organisation med det namnet i landet.',
    da: 'Der findes allerede en organisation med det navn i landet.',
    en: 'An organisation with that name already exists in that country.',
  },
  'organisations.regionCountry': {
    sv: 'Regionen hör till ett annat land än organisationen; välj en region i organisationens land eller ta bort regionen.',
    da: 'Regionen hører til et andet land end organisationen; vælg en region i organisationens land, eller fjern regionen.',
    en: 'The region belongs to another country than the organisation; choose a region in its country or clear the region.',
  },
  'organisations.parentCycle': {
    sv: 'En organisation kan inte ligga under sig själv.',
    da: 'En organisation kan ikke ligge under sig selv.',
    en: 'An organisation cannot be its own parent.',
  },
});
registerConstraintErrors({
  organisation_name_key: { code: ErrorCode.CONFLICT, messageKey: 'organisations.nameTaken' },
  organisation_region_fkey: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'organisations.regionCountry' },
});

export interface OrganisationFilter {
  search?: string;
  kind?: OrganisationKind;
  country?: string;
  regionCode?: string;
}

/** Organisations. Other areas use this service, never the repository. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly audit: AuditService,
    private readonly regions: RegionsService,
  ) {}

  async get(id: string): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw new NotFoundError('Organisation', id);
    return organisation;
  }

  /**
   * Loads organisations by id with one statement per request. A field resolver
   * passes its `info`: an organisation a read plan fetched with the columns that
   * field selects (`primePlanned`) answers it without a statement.
   */
  load(ctx: RequestContext, id: string, info?: GraphQLResolveInfo): Promise<Organisation | undefined> {
    const planned = plannedValue<Organisation>(ctx, this.dataSource, ORGANISATION_PLANNED, id, info);
    return planned ? Promise.resolve(planned) : this.byId(ctx).load(id);
  }

  /** Hands `load` organisations (whole rows) that a read plan fetched. */
  prime(ctx: RequestContext, organisations: Organisation[]): void {
    const loader = this.byId(ctx);
    for (const organisation of organisations) loader.prime(organisation.id, organisation);
  }

  private byId(ctx: RequestContext) {
    return ctx.loader<string, Organisation | undefined>('organisation.byId', async (ids) => oneByKeys(ids, await this.organisations.findBy({ id: In([...ids]) }), (o) => o.id));
  }

  async requireAll(ids: string[]): Promise<Organisation[]> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await this.organisations.findBy({ id: In(unique) }) : [];
    const missing = unique.find((id) => !found.some((o) => o.id === id));
    if (missing) throw new NotFoundError('Organisation', missing);
    return found;
  }

  list(args: ConnectionArgs, filter: OrganisationFilter = {}): Promise<ConnectionShape<Organisation>> {
    const qb = this.organisations.createQueryBuilder('o').orderBy('o.name').addOrderBy('o.id');
    if (filter.search) qb.andWhere('(o.name ILIKE :q OR o.short_name ILIKE :q)', { q: `%${filter.search.replace(/[%_\\]/g, '\\$&')}%` });
    if (filter.regionCode) qb.andWhere('o.region_code = :regionCode', { regionCode: filter.regionCode });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.country) qb.andWhere('o.country = :country', { country: filter.country });
    return paginate(qb, args);
  }

  create(ctx: RequestContext, input: CreateOrganisationInput): Promise<Organisation> {
    return inTransaction(this.dataSource, async (manager) => {
      if (input.parentId) await this.get(input.parentId);
      const { region, regionCode, ...fields } = input;
      const code = await this.regions.resolve(input.country, { region, regionCode });
      const organisation = await manager.save(manager.create(Organisation, { ...fields, name: input.name.trim(), regionCode: code ?? null }));
      await this.audit.record(manager, ctx, { entity: 'organisation', entityId: organisation.id, action: 'create', after: organisation });
      return organisation;
    });
  }

  update(ctx: RequestContext, input: UpdateOrganisationInput): Promise<Organisation> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(Organisation, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('Organisation', input.id);
      if (input.parentId) {
        const [{ cycle }] = await manager.query(
          `WITH RECURSIVE up AS (SELECT id, parent_id FROM organisation WHERE id = $1
                                 UNION ALL SELECT o.id, o.parent_id FROM organisation o JOIN up ON o.id = up.parent_id)
           SELECT bool_or(id = $2) AS cycle FROM up`,
          [input.parentId, input.id],
        );
        if (cycle) throw new BadInputError('organisations.parentCycle', {}, { field: 'parentId' });
      }
      const { id, region, regionCode, ...changes } = input;
      const code = await this.regions.resolve(input.country ?? before.country, { region, regionCode });
      const after = await manager.save(Organisation, { ...before, ...definedOnly(changes), ...definedOnly({ regionCode: code }), updatedAt: new Date() });
      await this.audit.record(manager, ctx, { entity: 'organisation', entityId: id, action: 'update', before, after });
      return after;
    });
  }
}
