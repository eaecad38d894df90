import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A region from the controlled list (Sweden's regions, one per län, and Denmark's
 * regioner), seeded by migration and never edited through the API. An organisation
 * refers to one by code, so coverage counts "Skåne" and "Region Skåne" as one.
 */
@ObjectType({ description: 'A region of a country (ISO 3166-2), from the controlled list.' })
@Entity('region')
export class Region {
  @Field({ description: 'ISO 3166-2 code, e.g. SE-M (Region Skåne) or DK-82 (Region Midtjylland).' })
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  @Column({ type: 'char', length: 2 })
  country: string;

  @Field({ description: 'The official name, e.g. Region Skåne, Västra Götalandsregionen, Region Hovedstaden.' })
  @Column({ type: 'text' })
  name: string;

  /** Lower-case names that mean this region ("skåne", "skåne län"); used to read free text. */
  @Column({ type: 'text', array: true })
  aliases: string[];
}
