import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../errors/app-error';

/** The hard cap on `first`; asking for more is BAD_USER_INPUT, never a silent cut. */
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many items (1–${MAX_PAGE_SIZE}, default 20).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  first?: number;

  @Field({ nullable: true, description: 'Cursor of the item after which to start.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field()
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Relay connection type of a node type: `XConnection` with `XEdge`. */
export function Connection<T>(nodeType: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType(`${nodeType.name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType(`${nodeType.name}Connection`, { isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadInputError('common.invalidCursor');
  return Number(match[1]);
}

export function pageWindow(args: ConnectionArgs): { offset: number; limit: number } {
  const limit = args.first ?? 20;
  if (limit > MAX_PAGE_SIZE) throw new BadInputError('common.firstTooLarge', { max: MAX_PAGE_SIZE }, { field: 'first' });
  if (limit < 1) throw BadInputError.field('first', 'validation.min', { min: 1 });
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit };
}

/** Wraps a page of rows (fetched with `limit + 1`) as a connection. */
export function toConnection<T>(rows: T[], totalCount: number, window: { offset: number; limit: number }): ConnectionShape<T> {
  const page = rows.slice(0, window.limit);
  const edges = page.map((node, index) => ({ node, cursor: encodeCursor(window.offset + index) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > window.limit,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Pages a query builder (which must have a stable ORDER BY) into a connection. */
export async function paginate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, args: ConnectionArgs): Promise<ConnectionShape<T>> {
  const window = pageWindow(args);
  const [rows, total] = await qb.skip(window.offset).take(window.limit + 1).getManyAndCount();
  return toConnection(rows, total, window);
}

/**
 * A page and the total count in ONE statement (`count(*) OVER ()` beside the
 * rows) instead of two (`getManyAndCount`). Only for a query builder that selects
 * one entity without joined collections (LIMIT then cuts rows, not entities).
 * A page past the end has no row to carry the count: then it is counted apart.
 */
export async function pageWithCount<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, window: { offset: number; limit: number }): Promise<ConnectionShape<T>> {
  const { entities, raw } = await qb
    .clone()
    .addSelect('count(*) OVER ()', 'page_total_count')
    .offset(window.offset)
    .limit(window.limit + 1)
    .getRawAndEntities<{ page_total_count: string }>();
  const total = raw.length ? Number(raw[0].page_total_count) : window.offset > 0 ? await qb.getCount() : 0;
  return toConnection(entities, total, window);
}
