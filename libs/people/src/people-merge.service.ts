import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, BadInputError, ConflictError, ForbiddenError, NotFoundError, RequestContext, inTransaction, registerMessages } from '@samverkan/core';
import { Person } from './person.entity';
import { MergePeopleInput } from './person.inputs';

registerMessages({
  'people.mergeSame': {
    sv: 'mergePersonId: välj två olika personer att slå ihop.',
    da: 'mergePersonId: vælg to forskellige personer at lægge sammen.',
    en: 'mergePersonId: choose two different people to merge.',
  },
  'people.mergeSameSeat': {
    sv: 'Båda personerna har samma plats ({seat}) under samma tid; avsluta det ena förordnandet innan ni slår ihop dem.',
    da: 'Begge personer har den samme plads ({seat}) i den samme periode; afslut den ene udpegning, før I lægger dem sammen.',
    en: 'Both people hold the same seat ({seat}) at the same time; end one of the appointments before merging them.',
  },
  'people.mergeTwoAccounts': {
    sv: 'Båda personerna har ett inloggningskonto; en person kan bara ha ett. Be en administratör ta bort det ena kontot först.',
    da: 'Begge personer har en login-konto; en person kan kun have én. Bed en administrator om at fjerne den ene konto først.',
    en: 'Both people have a sign-in account and a person can have only one; ask an administrator to remove one first.',
  },
  'people.mergeErasedOrMerged': {
    sv: 'En av personerna är raderad eller redan sammanslagen med någon annan.',
    da: 'En af personerne er slettet eller allerede lagt sammen med en anden.',
    en: 'One of the people is erased or already merged into someone else.',
  },
});

/** A column that refers to a person, and the unique indexes that include it. */
interface PersonColumn {
  table: string;
  column: string;
  uniques: { columns: string[]; predicate: string | null }[];
}

/** Person references without a foreign key (the review tables keep them as plain ids). */
const UNCONSTRAINED: { table: string; column: string }[] = [
  { table: 'review_answer', column: 'person_id' },
  { table: 'review_comment', column: 'person_id' },
];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Merges a duplicate person into the one kept, in one transaction: every row that
 * refers to the duplicate (seats, invitations, nominations, roles, review answers,
 * reminders… found from the database's own foreign keys, so a table added later is
 * included) moves to the kept person; where the kept person already has the same
 * row (invited to the same meeting, the same role), the duplicate's copy goes. The
 * duplicate's record stays, pointing at the kept one, so the audit trail still
 * names who did what.
 */
@Injectable()
export class PeopleMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Commissions either person takes part in (roles, chairs, seats, nominations). */
  async commissionsOf(personIds: string[]): Promise<string[]> {
    const rows: { commission_id: string }[] = await this.dataSource.query(
      `SELECT commission_id FROM commission_role WHERE person_id = ANY($1)
       UNION SELECT commission_id FROM working_group WHERE chair_person_id = ANY($1)
       UNION SELECT g.commission_id FROM appointment a JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
               JOIN working_group g ON g.id = sa.working_group_id WHERE a.person_id = ANY($1)
       UNION SELECT g.commission_id FROM nomination_candidate c JOIN nomination n ON n.id = c.nomination_id
               JOIN nomination_request r ON r.id = n.request_id JOIN seat_allocation sa ON sa.id = r.allocation_id
               JOIN working_group g ON g.id = sa.working_group_id WHERE c.person_id = ANY($1)`,
      [personIds],
    );
    return rows.map((r) => r.commission_id);
  }

  /**
   * An administrator may merge anyone; a secretariat may merge people who take part
   * only in commissions it runs (or in none yet).
   */
  async requireMayMerge(ctx: RequestContext, input: MergePeopleInput, managed: (ctx: RequestContext) => Promise<Set<string> | 'all'>): Promise<void> {
    const mine = await managed(ctx);
    if (mine === 'all') return;
    if (mine.size === 0) throw new ForbiddenError();
    const theirs = await this.commissionsOf([input.keepPersonId, input.mergePersonId]);
    if (theirs.some((id) => !mine.has(id))) throw new ForbiddenError();
  }

  merge(ctx: RequestContext, input: MergePeopleInput): Promise<Person> {
    const keepId = input.keepPersonId;
    const dropId = input.mergePersonId;
    if (keepId === dropId) throw BadInputError.field('mergePersonId', 'people.mergeSame');
    return inTransaction(this.dataSource, async (manager) => {
      const locked: Person[] = await manager
        .createQueryBuilder(Person, 'p')
        .where('p.id IN (:...ids)', { ids: [keepId, dropId] })
        .orderBy('p.id')
        .setLock('pessimistic_write')
        .getMany();
      const keep = locked.find((p) => p.id === keepId);
      const drop = locked.find((p) => p.id === dropId);
      if (!keep) throw new NotFoundError('Person', keepId);
      if (!drop) throw new NotFoundError('Person', dropId);
      if (keep.erasedAt || drop.erasedAt || keep.mergedIntoId || drop.mergedIntoId) throw new ConflictError('people.mergeErasedOrMerged');

      const [clash] = await manager.query(
        `SELECT o.name || ' – ' || g.name || ' #' || s.number AS seat
           FROM appointment a JOIN appointment b ON b.seat_id = a.seat_id
           JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
           JOIN working_group g ON g.id = sa.working_group_id JOIN organisation o ON o.id = sa.organisation_id
          WHERE a.person_id = $1 AND b.person_id = $2
            AND daterange(a.starts_on, a.ends_on, '[]') && daterange(b.starts_on, b.ends_on, '[]')
          LIMIT 1`,
        [keepId, dropId],
      );
      if (clash) throw new ConflictError('people.mergeSameSeat', { seat: clash.seat }, { seat: clash.seat });
      const accounts: { person_id: string }[] = await manager.query(`SELECT person_id FROM account WHERE person_id = ANY($1)`, [[keepId, dropId]]);
      if (accounts.length === 2) throw new ConflictError('people.mergeTwoAccounts');

      const moved: Record<string, number> = {};
      for (const ref of await this.personColumns(manager)) {
        for (const unique of ref.uniques) {
          const others = unique.columns.filter((c) => c !== ref.column);
          const same = others.map((c) => `k.${ident(c)} IS NOT DISTINCT FROM d.${ident(c)}`);
          const predicate = unique.predicate ? `(${unique.predicate})` : 'true';
          // Unqualified names in the predicate mean the row of the nearest FROM: d outside, k inside.
          await manager.query(
            `DELETE FROM ${ident(ref.table)} AS d
              WHERE d.${ident(ref.column)} = $2 AND ${predicate}
                AND EXISTS (SELECT 1 FROM ${ident(ref.table)} AS k WHERE k.${ident(ref.column)} = $1 AND ${predicate}${same.map((s) => ` AND ${s}`).join('')})`,
            [keepId, dropId],
          );
        }
        const [, count] = await manager.query(`UPDATE ${ident(ref.table)} SET ${ident(ref.column)} = $1 WHERE ${ident(ref.column)} = $2`, [keepId, dropId]);
        if (count) moved[`${ref.table}.${ref.column}`] = count;
      }
      await manager.query(`UPDATE person SET merged_into_id = $1 WHERE merged_into_id = $2`, [keepId, dropId]);

      const email = keep.email ?? drop.email;
      await manager.query(`UPDATE person SET email = NULL, merged_into_id = $1, updated_at = now() WHERE id = $2`, [keepId, dropId]);
      const after = await manager.save(Person, {
        ...keep,
        email,
        title: keep.title ?? drop.title,
        affiliationId: keep.affiliationId ?? drop.affiliationId,
        gender: keep.gender ?? drop.gender,
        updatedAt: new Date(),
      });
      await this.audit.record(manager, ctx, [
        { entity: 'person', entityId: keepId, action: 'merge', before: keep, after: { ...after, mergedPersonId: dropId, moved } },
        { entity: 'person', entityId: dropId, action: 'merged-into', before: drop, after: { ...drop, email: null, mergedIntoId: keepId } },
      ]);
      return after;
    });
  }

  /** Every column that refers to a person, with the unique indexes it is part of. One statement. */
  private async personColumns(manager: EntityManager): Promise<PersonColumn[]> {
    const rows: { table: string; column: string; uniques: { columns: string[]; predicate: string | null }[] | null }[] = await manager.query(
      `WITH refs AS (
         SELECT c.conrelid AS rel, a.attname::text AS col
           FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          WHERE c.contype = 'f' AND c.confrelid = 'person'::regclass AND cardinality(c.conkey) = 1 AND c.conrelid <> 'person'::regclass
         UNION
         SELECT to_regclass(x.tbl), x.col FROM unnest($1::text[], $2::text[]) AS x(tbl, col) WHERE to_regclass(x.tbl) IS NOT NULL
       )
       SELECT r.rel::regclass::text AS "table", r.col AS "column",
              (SELECT json_agg(json_build_object(
                        'columns', (SELECT array_agg(att.attname::text) FROM pg_attribute att WHERE att.attrelid = i.indrelid AND att.attnum = ANY (i.indkey)),
                        'predicate', pg_get_expr(i.indpred, i.indrelid)))
                 FROM pg_index i JOIN pg_attribute ia ON ia.attrelid = i.indrelid AND ia.attname = r.col
                WHERE i.indrelid = r.rel AND i.indisunique AND i.indexprs IS NULL AND ia.attnum = ANY (i.indkey)) AS uniques
         FROM refs r
        ORDER BY 1, 2`,
      [UNCONSTRAINED.map((u) => u.table), UNCONSTRAINED.map((u) => u.column)],
    );
    return rows.map((row) => ({ table: row.table, column: row.column, uniques: row.uniques ?? [] }));
  }
}
