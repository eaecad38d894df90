import type { DataSource } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { queryPrepared } from '../database/prepared-query';

/**
 * One list read as plain rows: a statement with its own parameters ($1, $2, …),
 * and the columns that are `timestamptz` (a Date from `pg`; text when the rows
 * come through JSON, so they are turned back into Dates). Dates (`::text`),
 * text, integers and booleans come through JSON unchanged; a bigint or numeric
 * column would not (a string from `pg`, a number from JSON): cast it to text.
 */
export interface PlainRead {
  sql: string;
  params: readonly unknown[];
  timestamps?: readonly string[];
}

/**
 * Reads a list of plain rows, combined with the other plain lists the same
 * request asks for at the same moment into ONE statement (issue 20): My page's
 * lists of `me` (reviews, minutes, action items, date polls, nomination
 * requests, seats) are each their area's own statement and rule, resolved side
 * by side; a request-scoped DataLoader collects the reads started before the
 * next tick and sends
 *
 *     SELECT (SELECT coalesce(json_agg(q), '[]') FROM (<read 1>) q) AS r0,
 *            (SELECT coalesce(json_agg(q), '[]') FROM (<read 2>) q) AS r1, …
 *
 * with each read's parameters renumbered after the ones before it. A read alone
 * is sent as it is, and its rows come back exactly as `dataSource.query` gives them.
 * The rows keep their statement's order (json_agg over an ordered subquery).
 */
export function readPlain<T>(ctx: RequestContext, dataSource: DataSource, read: PlainRead): Promise<T[]> {
  return ctx.loader<PlainRead, unknown[]>('core.plainReads', (reads) => readTogether(dataSource, reads)).load(read) as Promise<T[]>;
}

async function readTogether(dataSource: DataSource, reads: readonly PlainRead[]): Promise<unknown[][]> {
  if (reads.length === 1) return [await queryPrepared(dataSource, reads[0].sql, reads[0].params)];
  const params: unknown[] = [];
  const columns = reads.map((read, i) => jsonListColumn(read.sql, read.params, params, `r${i}`));
  const [row] = await queryPrepared<Record<string, Record<string, unknown>[]>>(dataSource, `SELECT ${columns.join(',\n       ')}`, params);
  return reads.map((read, i) => {
    const rows = row[`r${i}`];
    for (const column of read.timestamps ?? []) {
      for (const r of rows) if (typeof r[column] === 'string') r[column] = new Date(r[column] as string);
    }
    return rows;
  });
}

/**
 * One read as a column of a combined SELECT: `(SELECT coalesce(json_agg(q), '[]') FROM (<sql>) q) AS <alias>`,
 * its `$n` renumbered after the parameters already in `params` (its values appended there), or replaced by
 * the SQL `inline` gives for a value (an expression rather than a parameter). readPlain combines My page's
 * lists with it; libs/reports its sections.
 */
export function jsonListColumn(sql: string, values: readonly unknown[], params: unknown[], alias: string, inline?: (value: unknown) => string | undefined): string {
  const names = values.map((value) => inline?.(value) ?? `$${params.push(value)}`);
  const renumbered = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const name = names[Number(n) - 1];
    if (name === undefined) throw new Error(`$${n} without a parameter in a combined read`);
    return name;
  });
  return `(SELECT coalesce(json_agg(q), '[]') FROM (${renumbered}) q) AS ${alias}`;
}
