import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { RequestContext, csvDocument } from '@samverkan/core';
import { StakeholderEngagement } from './commission.entity';
import { OrganisationKind, Region, RegionsService } from '@samverkan/organisations';

/** How an organisation takes part in a commission. */
export type StakeholderWay =
  | 'commissioning_body'
  | 'lead'
  | 'partner'
  | 'seat'
  | 'nominating_body'
  | 'dialogue'
  | 'workshop'
  | 'reviewer'
  | 'network'
  | 'consulted'
  | 'other';

export interface StakeholderRow {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  country: string;
  /** The region's code from the controlled list (see RegionsService). */
  regionCode: string | null;
  ways: StakeholderWay[];
  seats: number;
}

export interface Coverage {
  country: string;
  missingKinds: OrganisationKind[];
  representedRegions: string[];
  missingRegions: string[];
  kinds: { kind: OrganisationKind; organisations: number; seats: number }[];
  regions: { region: Region; organisations: number; seats: number }[];
}

/**
 * The stakeholder register: every organisation engaged in a commission and how
 * (001's mapping of actors; 003's "one from each region"), and what is missing.
 */
@Injectable()
export class StakeholdersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly regions: RegionsService,
  ) {}

  async register(ctx: RequestContext, commissionId: string): Promise<StakeholderRow[]> {
    await this.access.require(ctx, commissionId, 'oversee');
    const rows: { id: string; name: string; kind: OrganisationKind; country: string; region_code: string | null; ways: StakeholderWay[]; seats: number }[] =
      await this.dataSource.query(
        `WITH engaged AS (
           SELECT commissioning_body_id AS organisation_id, 'commissioning_body' AS way, 0 AS seats FROM commission WHERE id = $1
           UNION ALL SELECT lead_organisation_id, 'lead', 0 FROM commission WHERE id = $1
           UNION ALL SELECT organisation_id, 'partner', 0 FROM commission_partner WHERE commission_id = $1
           UNION ALL SELECT sa.organisation_id, 'seat', sa.seat_count
                       FROM seat_allocation sa JOIN working_group g ON g.id = sa.working_group_id WHERE g.commission_id = $1
           UNION ALL SELECT sa.nominating_organisation_id, 'nominating_body', 0
                       FROM seat_allocation sa JOIN working_group g ON g.id = sa.working_group_id
                      WHERE g.commission_id = $1 AND sa.nominating_organisation_id <> sa.organisation_id
           UNION ALL SELECT organisation_id, how, 0 FROM stakeholder_engagement WHERE commission_id = $1
         )
         SELECT o.id, o.name, o.kind, o.country, o.region_code,
                array_agg(DISTINCT e.way ORDER BY e.way) AS ways, sum(e.seats)::int AS seats
           FROM engaged e JOIN organisation o ON o.id = e.organisation_id
          GROUP BY o.id
          ORDER BY o.name`,
        [commissionId],
      );
    return rows.map((row) => ({ organisationId: row.id, name: row.name, kind: row.kind, country: row.country, regionCode: row.region_code, ways: row.ways, seats: row.seats }));
  }

  /**
   * Which kinds of organisation, and which regions of the country, are represented
   * and how strongly. Regions count by reference to the controlled list, so two
   * spellings of one region are one region.
   */
  async coverage(ctx: RequestContext, commissionId: string, country: string): Promise<Coverage> {
    const rows = await this.register(ctx, commissionId);
    const kinds = Object.values(OrganisationKind)
      .filter((kind) => kind !== OrganisationKind.OTHER)
      .map((kind) => {
        const of = rows.filter((r) => r.kind === kind);
        return { kind, organisations: of.length, seats: of.reduce((sum, r) => sum + r.seats, 0) };
      });
    const regions = (await this.regions.ofCountry(country)).map((region) => {
      const of = rows.filter((r) => r.regionCode === region.code);
      return { region, organisations: of.length, seats: of.reduce((sum, r) => sum + r.seats, 0) };
    });
    return {
      country,
      missingKinds: kinds.filter((k) => k.organisations === 0).map((k) => k.kind),
      representedRegions: regions.filter((r) => r.organisations > 0).map((r) => r.region.name),
      missingRegions: regions.filter((r) => r.organisations === 0).map((r) => r.region.name),
      kinds,
      regions,
    };
  }

  /** The engagements recorded outside the seats (dialogues, workshops, networks…), newest first. */
  async engagements(ctx: RequestContext, commissionId: string): Promise<StakeholderEngagement[]> {
    await this.access.require(ctx, commissionId, 'oversee');
    return this.dataSource.getRepository(StakeholderEngagement).find({
      where: { commissionId },
      order: { engagedOn: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
    });
  }

  /** The register as CSV (RFC 4180, UTF-8 with BOM so spreadsheets read å, æ, ø right). */
  async csv(ctx: RequestContext, commissionId: string): Promise<string> {
    const rows = await this.register(ctx, commissionId);
    return csvDocument([
      ['organisation', 'kind', 'country', 'region', 'engagement', 'seats'],
      ...(await Promise.all(rows.map(async (r) => [r.name, r.kind, r.country, r.regionCode ? ((await this.regions.byCode(r.regionCode))?.name ?? null) : null, r.ways.join(';'), r.seats]))),
    ]);
  }
}
