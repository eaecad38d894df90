import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  ActorPreloads,
  AuditService,
  ForbiddenError,
  ConflictError,
  ConnectionArgs,
  ConnectionShape,
  ErrorCode,
  registerConstraintErrors,
  registerMessages,
  NotFoundError,
  RequestContext,
  inTransaction,
  paginate,
  definedOnly,
  entityFromJson,
} from '@samverkan/core';
import { Person } from './person.entity';
import { CreatePersonInput, UpdatePersonInput } from './person.inputs';

registerMessages({
  'people.emailTaken': {
    sv: 'email: {name} har redan den e-postadressen i registret; använd den personen i stället för att lägga till en ny.',
    da: 'email: {name} har allerede den e-mailadresse i registret; brug den person i stedet for at tilføje en ny.',
    en: 'email: {name} already has that e-mail address in the register; use that person instead of adding a new one.',
  },
  'people.emailTakenRace': {
    sv: 'email: någon i registret har redan den e-postadressen; sök på den och använd den personen.',
    da: 'email: nogen i registret har allerede den e-mailadresse; søg på den, og brug den person.',
    en: 'email: someone in the register already has that e-mail address; search for it and use that person.',
  },
});
registerConstraintErrors({ person_email_key: { code: ErrorCode.CONFLICT, messageKey: 'people.emailTakenRace' } });

export interface PeopleFilter {
  search?: string;
  organisationId?: string;
  /** Also list records merged into another person. */
  includeMerged?: boolean;
}

/** People: create, update, look up. Other areas use this service, never the repository. */
@Injectable()
export class PeopleService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly audit: AuditService,
    @Optional() private readonly preloads?: ActorPreloads,
  ) {}

  /**
   * The reader's own person comes with the auth guard's session statement (issue 20):
   * `me { person }`, and anything else that loads the actor's person, costs no
   * statement of its own.
   */
  onModuleInit(): void {
    this.preloads?.register({
      select: '(SELECT to_json(x) FROM person x WHERE x.id = $3)',
      prime: (ctx, personId, row) => {
        if (row) this.byId(ctx).prime(personId, entityFromJson(this.dataSource, Person, row as Record<string, unknown>));
      },
    });
  }

  async get(id: string): Promise<Person> {
    const person = await this.people.findOneBy({ id });
    if (!person) throw new NotFoundError('Person', id);
    return person;
  }

  /** In the order of `ids`; undefined where a person does not exist (for DataLoaders). */
  async findByIds(ids: readonly string[]): Promise<(Person | undefined)[]> {
    const found = await this.people.findBy({ id: In([...ids]) });
    const byId = new Map(found.map((p) => [p.id, p]));
    return ids.map((id) => byId.get(id));
  }

  /** Throws unless the actor may change this person's data. */
  async requirePrivateAccess(ctx: RequestContext, personId: string, access: { privateDataVisible(ctx: RequestContext, id: string): Promise<boolean> }): Promise<void> {
    if (!(await access.privateDataVisible(ctx, personId))) throw new ForbiddenError();
  }

  /** Loads people by id with one statement per request. */
  load(ctx: RequestContext, id: string): Promise<Person | undefined> {
    return this.byId(ctx).load(id);
  }

  /** Hands `load` people (whole rows) that a read plan fetched. */
  prime(ctx: RequestContext, people: Person[]): void {
    const loader = this.byId(ctx);
    for (const person of people) loader.prime(person.id, person);
  }

  private byId(ctx: RequestContext) {
    return ctx.loader<string, Person | undefined>('person.byId', (ids) => this.findByIds(ids));
  }

  /**
   * Search by name, e-mail or the name of the organisation a person belongs to
   * (what a secretariat types before adding someone).
   */
  list(args: ConnectionArgs, filter: PeopleFilter | string = {}): Promise<ConnectionShape<Person>> {
    const { search, organisationId, includeMerged } = typeof filter === 'string' ? { search: filter } : filter;
    const qb = this.people.createQueryBuilder('p').orderBy('p.full_name').addOrderBy('p.id');
    if (search) {
      qb.andWhere(
        `(p.full_name ILIKE :q OR p.email ILIKE :q OR EXISTS (SELECT 1 FROM organisation o WHERE o.id = p.affiliation_id AND (o.name ILIKE :q OR o.short_name ILIKE :q)))`,
        { q: `%${search.replace(/[%_\\]/g, '\\$&')}%` },
      );
    }
    if (organisationId) qb.andWhere('p.affiliation_id = :organisationId', { organisationId });
    if (!includeMerged) qb.andWhere('p.merged_into_id IS NULL');
    return paginate(qb, args);
  }

  /** The person with this e-mail address (case and surrounding spaces ignored), if any. */
  async findByEmail(email: string): Promise<Person | null> {
    return this.people.createQueryBuilder('p').where('lower(p.email) = lower(:email)', { email: email.trim() }).getOne();
  }

  create(ctx: RequestContext, input: CreatePersonInput): Promise<Person> {
    return inTransaction(this.dataSource, async (manager) => {
      // No duplicate by e-mail: say who has it, so the page can offer that person instead.
      const existing = input.email ? await this.findByEmail(input.email) : null;
      if (existing) throw new ConflictError('people.emailTaken', { name: existing.fullName }, { field: 'email', existingPersonId: existing.id });
      const person = await manager.save(manager.create(Person, { ...input, email: input.email?.trim() ?? null }));
      await this.audit.record(manager, ctx, { entity: 'person', entityId: person.id, action: 'create', after: person });
      return person;
    });
  }

  update(ctx: RequestContext, input: UpdatePersonInput): Promise<Person> {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOne(Person, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new NotFoundError('Person', input.id);
      const { id, ...changes } = input;
      if (changes.email) {
        changes.email = changes.email.trim();
        const existing = await this.findByEmail(changes.email);
        if (existing && existing.id !== id) throw new ConflictError('people.emailTaken', { name: existing.fullName }, { field: 'email', existingPersonId: existing.id });
      }
      const after = await manager.save(Person, { ...before, ...definedOnly(changes), updatedAt: new Date() });
      await this.audit.record(manager, ctx, { entity: 'person', entityId: id, action: 'update', before, after });
      return after;
    });
  }
}
