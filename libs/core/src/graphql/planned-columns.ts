import { GraphQLField, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { Selection, selectionOf } from './read-plan';

// Read plans that fetch only the columns an operation selects (issue 20): which
// columns a level needs, and where its partial entities are kept so that no
// shared loader ever hands one out.

/**
 * What each field resolver of a GraphQL type reads from its parent entity
 * (entity property names): declared beside a planned level, so that the plan
 * may fetch only the columns the selection needs (`plannedProperties`).
 */
export type FieldReads = Readonly<Record<string, readonly string[]>>;

/**
 * One level of a read plan whose rows may be fetched with only some columns:
 * the GraphQL type and entity it holds, the store (a name, like a loader's)
 * its partial values are primed into, what its field resolvers read, and the
 * properties it always needs (the primary key, the keys the plan groups by).
 */
export interface PlannedLevel {
  readonly store: string;
  readonly typeName: string;
  readonly target: EntityTarget<ObjectLiteral>;
  readonly reads: FieldReads;
  readonly always: readonly string[];
}

/** Nest's resolver for a field without `@ResolveField`: it reads the property of the same name. */
function isPlainField(field: GraphQLField<unknown, unknown>): boolean {
  return !field.resolve || field.resolve.name === 'rootFieldResolver';
}

/**
 * The entity properties a level must hold for what an operation selects on it:
 * `always`, each selected field that is a plain column (Nest's default resolver
 * reading a TypeORM column of that name), and what each selected resolver field
 * reads (`reads`). Undefined — the level needs whole rows — when a selected field
 * is neither (a resolver nobody declared, a getter, a field another area added):
 * a plan never guesses what a resolver reads.
 */
export function plannedProperties(schema: GraphQLSchema, metadata: EntityMetadata, level: PlannedLevel, selection: Selection): string[] | undefined {
  const type = schema.getType(level.typeName);
  if (!isObjectType(type)) return undefined;
  const fields = type.getFields();
  const properties = new Set(level.always);
  for (const name of selection.keys()) {
    if (name === '__typename') continue;
    const field = fields[name];
    if (!field) return undefined;
    const reads = Object.prototype.hasOwnProperty.call(level.reads, name) ? level.reads[name] : undefined;
    if (reads) {
      for (const property of reads) properties.add(property);
    } else if (isPlainField(field) && metadata.findColumnsWithPropertyPath(name)) {
      properties.add(name);
    } else {
      return undefined;
    }
  }
  for (const property of properties) if (!metadata.findColumnsWithPropertyPath(property)) return undefined;
  return [...properties].sort();
}

/** `json_build_object(…)` of the given properties' columns of `alias` (keys: the column names, as `json_agg(alias)` has them). */
export function jsonOfProperties(metadata: EntityMetadata, alias: string, properties: readonly string[]): string {
  const pairs = properties.map((p) => {
    const column = metadata.findColumnWithPropertyPath(p)!;
    return `'${column.databaseName}', ${alias}."${column.databaseName}"`;
  });
  return `json_build_object(${pairs.join(', ')})`;
}

/**
 * An entity holding only `properties` (the others undefined) from a row of
 * `jsonOfProperties`, converted as `entityFromJson` converts whole rows. It is
 * never primed into a shared loader: see `primePlanned`.
 */
export function partialEntityFromJson<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>, properties: readonly string[]): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const property of properties) {
    const column = metadata.findColumnWithPropertyPath(property)!;
    const raw = row[column.databaseName];
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(raw === undefined ? null : raw, column));
  }
  return entity;
}

interface PlannedStore {
  readonly properties: ReadonlySet<string>;
  readonly values: Map<unknown, unknown>;
}

const planned = new WeakMap<RequestContext, Map<string, PlannedStore[]>>();

/**
 * Keeps values a read plan fetched with only some columns (`properties`) for the
 * rest of the request, apart from the request's loaders: a loader hands its
 * values to every caller, and a partial entity would answer one that reads
 * another column with undefined. Only `plannedValue` finds them, for a caller
 * that says which properties it needs.
 */
export function primePlanned(ctx: RequestContext, store: string, properties: readonly string[], entries: Iterable<readonly [unknown, unknown]>): void {
  let stores = planned.get(ctx);
  if (!stores) planned.set(ctx, (stores = new Map()));
  const list = stores.get(store) ?? [];
  list.push({ properties: new Set(properties), values: new Map(entries) });
  stores.set(store, list);
}

/** Per field node of a parsed operation and level: the properties that field needs (null: whole rows). */
const neededByNode = new WeakMap<object, Map<PlannedLevel, string[] | null>>();

/**
 * A value a plan primed (`primePlanned`) for `key`, if one holds every property
 * the field being resolved (`info`) selects on it (`plannedProperties`);
 * otherwise undefined, and the caller loads the whole row as it would without a plan.
 * The properties are computed once per field of a parsed operation.
 */
export function plannedValue<V>(ctx: RequestContext, dataSource: DataSource, level: PlannedLevel, key: unknown, info: GraphQLResolveInfo | undefined): V | undefined {
  const stores = info && planned.get(ctx)?.get(level.store);
  if (!stores) return undefined;
  const node = info.fieldNodes[0];
  let byLevel = neededByNode.get(node);
  let needed = byLevel?.get(level);
  if (needed === undefined) {
    needed = plannedProperties(info.schema, dataSource.getMetadata(level.target), level, selectionOf(info)) ?? null;
    // Several nodes (aliases, fragments) merge into one selection: cache only the plain case.
    if (info.fieldNodes.length === 1) {
      if (!byLevel) neededByNode.set(node, (byLevel = new Map()));
      byLevel.set(level, needed);
    }
  }
  if (!needed) return undefined;
  for (const s of stores) {
    if (!s.values.has(key)) continue;
    if (needed.every((p) => s.properties.has(p))) return s.values.get(key) as V;
  }
  return undefined;
}
