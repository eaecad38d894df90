import { Module } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Allow, Permission } from '../auth/permission';
import { Ctx } from '../context/ctx.decorator';
import { RequestContext } from '../context/request-context';
import { Locale, Translated } from './locale';

const labels = new Map<string, Map<string, Translated>>();

/**
 * The words a user reads for the values of a GraphQL enum, in sv, da and en.
 * Each area registers its enums' labels from its own folder (`<area>.labels.ts`);
 * a test fails for any enum value of the schema without all three.
 */
export function registerEnumLabels(enumName: string, values: Record<string, Translated>): void {
  const known = labels.get(enumName) ?? new Map<string, Translated>();
  for (const [value, text] of Object.entries(values)) known.set(value, text);
  labels.set(enumName, known);
}

/** The label of one value in one language (the value itself when none is registered). */
export function enumLabel(enumName: string, value: string, locale: Locale): string {
  return labels.get(enumName)?.get(value)?.[locale] ?? value;
}

/** Every registered enum and its values' labels (for the completeness test). */
export function registeredEnumLabels(): ReadonlyMap<string, ReadonlyMap<string, Translated>> {
  return labels;
}

@ObjectType({ description: 'What a user reads for one value of an enum, in the language of the request.' })
export class EnumLabel {
  @Field({ description: 'The GraphQL enum, e.g. OrganisationKind.' })
  enum: string;

  @Field({ description: 'The enum value, e.g. MUNICIPALITY.' })
  value: string;

  @Field({ description: 'The label, e.g. "kommun", "kommune", "municipality".' })
  label: string;
}

@Resolver(() => EnumLabel)
export class EnumLabelsResolver {
  @Allow(Permission.Public)
  @Query(() => [EnumLabel], {
    description: 'Labels of enum values in the language of the request (Accept-Language or the signed-in person), for drop-downs and exports. Without `enums`: all of them.',
  })
  enumLabels(
    @Ctx() ctx: RequestContext,
    @Args('enums', { type: () => [String], nullable: true }) enums?: string[],
  ): EnumLabel[] {
    const wanted = enums ? new Set(enums.slice(0, 100).map((name) => name.slice(0, 100))) : undefined;
    const result: EnumLabel[] = [];
    for (const [enumName, values] of labels) {
      if (wanted && !wanted.has(enumName)) continue;
      for (const [value, text] of values) result.push({ enum: enumName, value, label: text[ctx.locale] });
    }
    return result;
  }
}

/** The GraphQL face of enum labels; only the API imports it. */
@Module({ providers: [EnumLabelsResolver] })
export class EnumLabelsApiModule {}

