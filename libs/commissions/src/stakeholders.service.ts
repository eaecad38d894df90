import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '@samverkan/access';
import { RequestContext, csvDocument } from '@samverkan/core';
import { OrganisationKind } from '@samverkan/organisations';

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
  region: string | null;
  ways: StakeholderWay[];
  seats: number;
}

/** The regions a country's coverage is measured against. */
export const REGIONS: Record<string, string[]> = {
  DK: ['Region Hovedstaden', 'Region Midtjylland', 'Region Nordjylland', 'Region Sjælland', 'Region Syddanmark'],
  SE: [
    'Region Blekinge', 'Region Dalarna', 'Region Gotland', 'Region Gävleborg', 'Region Halland', 'Region Jämtland Härjedalen',
    'Region Jönköpings län', 'Region Kalmar län', 'Region Kronoberg', 'Region Norrbotten', 'Region Skåne', 'Region Stockholm',
    'Region Sörmland', 'Region Uppsala', 'Region Värmland', 'Region Västerbotten', 'Region Västernorrland', 'Region Västmanland',
    'Region Örebro län', 'Region Östergötland', 'Västra Götalandsregionen',
  ],
};

export interface Coverage {
  country: string;
  missingKinds: OrganisationKind[];
  representedRegions: string[];
  missingRegions: string[];
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
  ) {}

  async register(ctx: RequestContext, commissionId: string): Promise<StakeholderRow[]> {
    await this.access.require(ctx, commissionId, 'oversee');
    const rows: { id: string; name: string; kind: OrganisationKind; country: string; region: string | null; ways: StakeholderWay[]; seats: number }[] =
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
         SELECT o.id, o.name, o.kind, o.country, o.region,
                array_agg(DISTINCT e.way ORDER BY e.way) AS ways, sum(e.seats)::int AS seats
           FROM engaged e JOIN organisation o ON o.id = e.organisation_id
          GROUP BY o.id
          ORDER BY o.name`,
        [commissionId],
      );
    return rows.map((row) => ({ organisationId: row.id, name: row.name, kind: row.kind, country: row.country, region: row.region, ways: row.ways, seats: row.seats }));
  }

  /** Which kinds of organisation, and which regions of the commission's country, are not represented. */
  async coverage(ctx: RequestContext, commissionId: string, country: string): Promise<Coverage> {
    const rows = await this.register(ctx, commissionId);
    const kinds = new Set(rows.map((r) => r.kind));
    const regions = new Set(rows.filter((r) => r.country === country && r.region).map((r) => r.region!));
    const all = REGIONS[country] ?? [];
    return {
      country,
      missingKinds: Object.values(OrganisationKind).filter((kind) => kind !== OrganisationKind.OTHER && !kinds.has(kind)),
      representedRegions: all.filter((r) => regions.has(r)),
      missingRegions: all.filter((r) => !regions.has(r)),
    };
  }

  /** The register as CSV (RFC 4180, UTF-8 with BOM so spreadsheets read å, æ, ø right). */
  async csv(ctx: RequestContext, commissionId: string): Promise<string> {
    const rows = await this.register(ctx, commissionId);
    return csvDocument([
      ['organisation', 'kind', 'country', 'region', 'engagement', 'seats'],
      ...rows.map((r) => [r.name, r.kind, r.country, r.region, r.ways.join(';'), r.seats]),
    ]);
  }
}
