import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BadInputError, registerMessages } from '@samverkan/core';
import { Region } from './region.entity';

registerMessages({
  'organisations.unknownRegion': {
    sv: '{field}: välj en region ur listan för organisationens land.',
    da: '{field}: vælg en region fra listen for organisationens land.',
    en: '{field}: choose a region from the list for the organisation’s country.',
  },
});

/**
 * The controlled list of regions. It changes only with a migration, so it is read
 * once per process (at boot) and every lookup after that costs no statement.
 */
@Injectable()
export class RegionsService implements OnApplicationBootstrap {
  private cache?: Promise<Region[]>;

  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.all();
  }

  /** Every region, by country then name. */
  all(): Promise<Region[]> {
    this.cache ??= this.regions.find({ order: { country: 'ASC', name: 'ASC' } }).catch((error) => {
      this.cache = undefined;
      throw error;
    });
    return this.cache;
  }

  async ofCountry(country?: string): Promise<Region[]> {
    const all = await this.all();
    return country ? all.filter((r) => r.country === country.toUpperCase()) : all;
  }

  async byCode(code: string): Promise<Region | undefined> {
    return (await this.all()).find((r) => r.code === code);
  }

  /**
   * The region code an input means: a code, or a name or alias written as free text
   * ("Skåne", "Region Skåne", "skåne län"), in the organisation's country. Anything else
   * is refused at the field it came from.
   */
  async resolve(country: string, input: { regionCode?: string | null; region?: string | null }): Promise<string | null | undefined> {
    if (input.regionCode !== undefined) {
      if (input.regionCode === null || input.regionCode === '') return null;
      const region = await this.byCode(input.regionCode);
      if (!region || region.country !== country) throw BadInputError.field('regionCode', 'organisations.unknownRegion');
      return region.code;
    }
    if (input.region !== undefined) {
      if (input.region === null || input.region.trim() === '') return null;
      const key = input.region.trim().toLowerCase();
      const region = (await this.ofCountry(country)).find((r) => r.aliases.includes(key) || r.code.toLowerCase() === key);
      if (!region) throw BadInputError.field('region', 'organisations.unknownRegion');
      return region.code;
    }
    return undefined;
  }
}
