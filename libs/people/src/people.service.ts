import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  AuditService,
  ForbiddenError,
  ConnectionArgs,
  ConnectionShape,
  NotFoundError,
  RequestContext,
  inTransaction,
  paginate,
  definedOnly,
} from '@samverkan/core';
import { Person } from './person.entity';
import { CreatePersonInput, UpdatePersonInput } from './person.inputs';

/** People: create, update, look up. Other areas use this service, never the repository. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Person) private readonly people: Repository<Person>,
    private readonly audit: AuditService,
  ) {}

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
    return ctx.loader<string, Person | undefined>('person.byId', (ids) => this.findByIds(ids)).load(id);
  }

  list(args: ConnectionArgs, search?: string): Promise<ConnectionShape<Person>> {
    const qb = this.people.createQueryBuilder('p').orderBy('p.full_name').addOrderBy('p.id');
    if (search) qb.where('p.full_name ILIKE :q OR p.email ILIKE :q', { q: `%${search.replace(/[%_\\]/g, '\\$&')}%` });
    return paginate(qb, args);
  }

  create(ctx: RequestContext, input: CreatePersonInput): Promise<Person> {
    return inTransaction(this.dataSource, async (manager) => {
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
      const after = await manager.save(Person, { ...before, ...definedOnly(changes), updatedAt: new Date() });
      await this.audit.record(manager, ctx, { entity: 'person', entityId: id, action: 'update', before, after });
      return after;
    });
  }
}
