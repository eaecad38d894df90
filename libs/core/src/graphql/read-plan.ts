import { Injectable } from '@nestjs/common';
import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';

/**
 * What an operation selects below a field: field name → what it selects below
 * that (empty for a leaf). Aliases and fragments are merged, and type conditions
 * ignored: a plan may fetch a little more than one branch asks, never less.
 */
export type Selection = ReadonlyMap<string, Selection>;

const EMPTY: Selection = new Map();

/** The selection below the field being resolved (`info`). */
export function selectionOf(info: GraphQLResolveInfo): Selection {
  const into = new Map<string, Map<string, Selection>>();
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info, into);
  return into;
}

function collect(set: SelectionSetNode, info: GraphQLResolveInfo, into: Map<string, Map<string, Selection>>): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      let below = into.get(s.name.value);
      if (!below) into.set(s.name.value, (below = new Map()));
      if (s.selectionSet) collect(s.selectionSet, info, below as Map<string, Map<string, Selection>>);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      collect(s.selectionSet, info, into);
    } else {
      const fragment = info.fragments[s.name.value];
      if (fragment) collect(fragment.selectionSet, info, into);
    }
  }
}

/** The selection at a path below `selection` (empty when that path is not selected). */
export function selectedAt(selection: Selection, ...path: string[]): Selection | undefined {
  let at: Selection | undefined = selection;
  for (const name of path) at = at?.get(name);
  return at;
}

/**
 * An entity from a row that PostgreSQL turned into JSON (`json_agg(t)`,
 * `to_json(t)`): every column of the entity's table, converted as TypeORM
 * converts a column it reads (dates, timestamps, transformers), without its
 * query builder or its result-set hydration. For planned reads that fetch a
 * whole tree in one statement.
 */
export function entityFromJson<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, row: Record<string, unknown>): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    const raw = row[column.databaseName];
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(raw === undefined ? null : raw, column));
  }
  return entity;
}

/**
 * A read plan: given the parents a query resolved and what the operation selects
 * below them, fetch the whole subtree at once and prime the request's loaders
 * with it, so the field resolvers below (and the access rules they apply) run
 * unchanged and find their data already loaded.
 */
export type ReadPlan<P> = (ctx: RequestContext, parents: readonly P[], selection: Selection) => Promise<void>;

/**
 * Where an area registers its read plans for a type (`Commission`) that
 * another area's query returns: the commission query runs the plans of
 * the areas below it (working groups, seats) without depending on them.
 */
@Injectable()
export class ReadPlanner {
  private readonly plans = new Map<string, ReadPlan<unknown>[]>();

  register<P>(typeName: string, plan: ReadPlan<P>): void {
    const list = this.plans.get(typeName) ?? [];
    list.push(plan as ReadPlan<unknown>);
    this.plans.set(typeName, list);
  }

  /** Runs every plan registered for `typeName` (together); a selection without fields below needs none. */
  async run<P>(typeName: string, ctx: RequestContext, parents: readonly P[], selection: Selection = EMPTY): Promise<void> {
    const list = this.plans.get(typeName);
    if (!list || !parents.length || !selection.size) return;
    await Promise.all(list.map((plan) => plan(ctx, parents, selection)));
  }
}
