import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import { AccessLevel, AccessService } from '@samverkan/access';
import {
  AuditService,
  BadInputError,
  ConflictError,
  ConnectionArgs,
  ConnectionShape,
  ErrorCode,
  NotFoundError,
  RequestContext,
  groupByKeys,
  inTransaction,
  oneByKeys,
  pageWindow,
  registerConstraintErrors,
  registerMessages,
  toConnection,
  definedOnly,
} from '@samverkan/core';
import { OrganisationsService } from '@samverkan/organisations';
import { PeopleService } from '@samverkan/people';
import { StrategiesService } from '@samverkan/strategies';
import { Commission } from './commission.entity';
import { CommissionAmendment } from './commission-amendment.entity';
import { CommissionObjective } from './commission-objective.entity';
import { CommissionPartner } from './commission-partner.entity';
import { CommissionRole, CommissionRoleName } from './commission-role.entity';
import { StakeholderEngagement } from './stakeholder-engagement.entity';
import { AmendMandateInput, CommissionRoleInput, CreateCommissionInput, RecordEngagementInput, UpdateCommissionInput } from './commission.inputs';

registerMessages({
  'commissions.objectiveLetterTaken': {
    sv: 'Det finns redan ett mål med bokstaven {letter}.',
    da: 'Der findes allerede et formål med bogstavet {letter}.',
    en: 'An objective with letter {letter} already exists.',
  },
  'commissions.unknownObjective': {
    sv: 'Uppdraget har inget mål {letter}.',
    da: 'Kommissoriet har intet formål {letter}.',
    en: 'The mandate has no objective {letter}.',
  },
  'commissions.emptyAmendment': {
    sv: 'Ett tilläggsdirektiv måste ändra tidsfristen eller målen.',
    da: 'Et tillæg til kommissoriet skal ændre fristen eller formålene.',
    en: 'An amendment must change the deadline or the objectives.',
  },
  'commissions.deadlineBeforeStart': {
    sv: 'Tidsfristen kan inte ligga före uppdragets start.',
    da: 'Fristen kan ikke ligge før opgavens start.',
    en: 'The deadline cannot be before the commission starts.',
  },
  'commissions.roleTaken': {
    sv: 'Personen har redan den rollen i uppdraget.',
    da: 'Personen har allerede den rolle i opgaven.',
    en: 'The person already has that role in the commission.',
  },
  'commissions.engagementTaken': {
    sv: 'Organisationens medverkan är redan registrerad på det sättet.',
    da: 'Organisationens deltagelse er allerede registreret på den måde.',
    en: 'That engagement of the organisation is already recorded.',
  },
});
registerConstraintErrors({
  commission_objective_commission_id_letter_key: { code: ErrorCode.CONFLICT, messageKey: 'commissions.objectiveLetterTaken' },
  commission_role_commission_id_person_id_role_key: { code: ErrorCode.CONFLICT, messageKey: 'commissions.roleTaken' },
  stakeholder_engagement_commission_id_organisation_id_how_key: { code: ErrorCode.CONFLICT, messageKey: 'commissions.engagementTaken' },
  commission_reporting_deadline_check: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'commissions.deadlineBeforeStart' },
  commission_initial_reporting_deadline_check: { code: ErrorCode.BAD_USER_INPUT, messageKey: 'commissions.deadlineBeforeStart' },
});

export interface DeadlineChangeRecord {
  deadline: string | null;
  decidedOn: string;
  reason: string | null;
  amendmentId: string | null;
}

/** Commissions, their mandate (objectives, amendments, deadline) and who holds which role. */
@Injectable()
export class CommissionsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Commission) private readonly commissions: Repository<Commission>,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly strategies: StrategiesService,
  ) {}

  /** Loads a commission the actor may see at `level`; NOT_FOUND when they have no role in it. */
  /**
   * A commission the actor may see (`level`). `plan`, when given, runs once access
   * is granted and before the commission is read: a read plan that fetches what
   * is selected below it may bring the commission's row too (`prime`).
   */
  async get(ctx: RequestContext, id: string, level: AccessLevel = 'read', plan?: () => Promise<void>): Promise<Commission> {
    await this.access.require(ctx, id, level);
    if (plan) await plan();
    const commission = await this.load(ctx, id);
    if (!commission) throw new NotFoundError('Commission', id);
    return commission;
  }

  /** Whether the actor may set up a new commission (libs/access: administrators and anyone on a secretariat). */
  mayCreate(ctx: RequestContext): Promise<boolean> {
    return this.access.managesAny(ctx);
  }

  /** Whether the actor manages this commission (its secretariat, or an administrator). */
  async mayManage(ctx: RequestContext, commissionId: string): Promise<boolean> {
    return (await this.access.levelIn(ctx, commissionId)) === 'manage';
  }

  load(ctx: RequestContext, id: string): Promise<Commission | undefined> {
    return this.byId(ctx).load(id);
  }

  /** Hands `load` commissions (whole rows) that a read plan fetched. */
  prime(ctx: RequestContext, commissions: Commission[]): void {
    const loader = this.byId(ctx);
    for (const commission of commissions) loader.prime(commission.id, commission);
  }

  private byId(ctx: RequestContext) {
    return ctx.loader<string, Commission | undefined>('commission.byId', async (ids) => oneByKeys(ids, await this.commissions.findBy({ id: In([...ids]) }), (c) => c.id));
  }

  async list(ctx: RequestContext, args: ConnectionArgs): Promise<ConnectionShape<Commission>> {
    const window = pageWindow(args);
    const visible = await this.access.visibleCommissionIds(ctx);
    if (visible !== 'all' && visible.length === 0) return toConnection([], 0, window);
    const qb = this.commissions.createQueryBuilder('c').orderBy('c.starts_on', 'DESC').addOrderBy('c.id');
    if (visible !== 'all') qb.where('c.id IN (:...visible)', { visible });
    const [rows, total] = await qb.skip(window.offset).take(window.limit + 1).getManyAndCount();
    return toConnection(rows, total, window);
  }

  async create(ctx: RequestContext, input: CreateCommissionInput): Promise<Commission> {
    await this.access.requireManagesAny(ctx);
    await this.organisations.requireAll([input.commissioningBodyId, input.leadOrganisationId, ...input.partnerIds]);
    if (input.strategyId) await this.strategies.get(input.strategyId);
    const people = [...new Set([...input.secretariatIds, ...input.commissionerIds])];
    await Promise.all(people.map((id) => this.people.get(id)));
    assertDistinctLetters(input.objectives.map((o) => o.letter));
    return inTransaction(this.dataSource, async (manager) => {
      const commission = await manager.save(
        manager.create(Commission, {
          title: input.title.trim(),
          kind: input.kind,
          commissioningBodyId: input.commissioningBodyId,
          leadOrganisationId: input.leadOrganisationId,
          strategyId: input.strategyId ?? null,
          referenceNumber: input.referenceNumber ?? null,
          description: input.description ?? null,
          startsOn: input.startsOn,
          initialReportingDeadline: input.reportingDeadline ?? null,
          reportingDeadline: input.reportingDeadline ?? null,
          reportCadence: input.reportCadence,
          status: input.status,
          timeZone: input.timeZone ?? 'Europe/Stockholm',
        }),
      );
      if (input.partnerIds.length) {
        await manager.insert(CommissionPartner, [...new Set(input.partnerIds)].map((organisationId) => ({ commissionId: commission.id, organisationId })));
      }
      if (input.objectives.length) {
        await manager.insert(CommissionObjective, input.objectives.map((o) => ({ commissionId: commission.id, letter: o.letter, text: o.text.trim() })));
      }
      const secretariat = new Set(input.secretariatIds);
      if (ctx.actor && !ctx.actor.isAdmin) secretariat.add(ctx.actor.personId);
      const roles = [
        ...[...secretariat].map((personId) => ({ commissionId: commission.id, personId, role: CommissionRoleName.SECRETARIAT })),
        ...[...new Set(input.commissionerIds)].map((personId) => ({ commissionId: commission.id, personId, role: CommissionRoleName.COMMISSIONER })),
      ];
      if (roles.length) await manager.insert(CommissionRole, roles);
      await this.audit.record(manager, ctx, { entity: 'commission', entityId: commission.id, action: 'create', after: { ...commission, objectives: input.objectives, partnerIds: input.partnerIds } });
      return commission;
    });
  }

  async update(ctx: RequestContext, input: UpdateCommissionInput): Promise<Commission> {
    await this.access.require(ctx, input.id, 'manage');
    await this.organisations.requireAll([...(input.partnerIds ?? []), input.commissioningBodyId, input.leadOrganisationId].filter((x): x is string => !!x));
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.lock(manager, input.id);
      const { id, partnerIds, ...changes } = input;
      const after = await manager.save(Commission, { ...before, ...definedOnly(changes), updatedAt: new Date() });
      if (partnerIds) {
        await manager.delete(CommissionPartner, { commissionId: id });
        if (partnerIds.length) await manager.insert(CommissionPartner, [...new Set(partnerIds)].map((organisationId) => ({ commissionId: id, organisationId })));
      }
      await this.audit.record(manager, ctx, { entity: 'commission', entityId: id, action: 'update', before, after: partnerIds ? { ...after, partnerIds } : after });
      return after;
    });
  }

  /** Records a tilläggsdirektiv: the deadline moves only this way, with its reason kept. */
  async amend(ctx: RequestContext, input: AmendMandateInput): Promise<CommissionAmendment> {
    await this.access.require(ctx, input.commissionId, 'manage');
    if (!input.newDeadline && input.addObjectives.length === 0 && input.withdrawObjectives.length === 0) {
      throw new BadInputError('commissions.emptyAmendment', {}, { field: 'newDeadline' });
    }
    return inTransaction(this.dataSource, async (manager) => {
      const commission = await this.lock(manager, input.commissionId);
      if (input.newDeadline && input.newDeadline < commission.startsOn) throw new BadInputError('commissions.deadlineBeforeStart', {}, { field: 'newDeadline' });
      const amendment = await manager.save(
        manager.create(CommissionAmendment, {
          commissionId: commission.id,
          decidedOn: input.decidedOn,
          referenceNumber: input.referenceNumber ?? null,
          reason: input.reason.trim(),
          previousDeadline: input.newDeadline ? commission.reportingDeadline : null,
          newDeadline: input.newDeadline ?? null,
          createdBy: ctx.actor?.personId ?? null,
        }),
      );
      if (input.newDeadline) {
        await manager.update(Commission, { id: commission.id }, { reportingDeadline: input.newDeadline, updatedAt: new Date() });
      }
      if (input.addObjectives.length) {
        assertDistinctLetters(input.addObjectives.map((o) => o.letter));
        await manager.insert(
          CommissionObjective,
          input.addObjectives.map((o) => ({ commissionId: commission.id, letter: o.letter, text: o.text.trim(), addedByAmendmentId: amendment.id })),
        );
      }
      for (const letter of input.withdrawObjectives) {
        const result = await manager.update(CommissionObjective, { commissionId: commission.id, letter, withdrawnByAmendmentId: IsNull() }, { withdrawnByAmendmentId: amendment.id });
        if (!result.affected) throw new BadInputError('commissions.unknownObjective', { letter }, { field: 'withdrawObjectives' });
      }
      await this.audit.record(manager, ctx, {
        entity: 'commission',
        entityId: commission.id,
        action: 'amend',
        before: { reportingDeadline: commission.reportingDeadline },
        after: { reportingDeadline: input.newDeadline ?? commission.reportingDeadline, amendmentId: amendment.id, reason: input.reason },
      });
      return amendment;
    });
  }

  /** Every deadline the commission has had, from the original mandate on. */
  async deadlineHistory(ctx: RequestContext, commission: Commission): Promise<DeadlineChangeRecord[]> {
    const amendments = (await this.amendmentsOf(ctx, commission.id)).filter((a) => a.newDeadline);
    return [
      { deadline: commission.initialReportingDeadline, decidedOn: commission.startsOn, reason: null, amendmentId: null },
      ...amendments.map((a) => ({ deadline: a.newDeadline, decidedOn: a.decidedOn, reason: a.reason, amendmentId: a.id })),
    ];
  }

  objectivesOf(ctx: RequestContext, commissionId: string): Promise<CommissionObjective[]> {
    return ctx
      .loader<string, CommissionObjective[]>('commission.objectives', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(CommissionObjective).find({ where: { commissionId: In([...ids]) }, order: { letter: 'ASC' } }), (o) => o.commissionId),
      )
      .load(commissionId);
  }

  async objectivesByIds(commissionId: string, ids: string[]): Promise<CommissionObjective[]> {
    const unique = [...new Set(ids)];
    const found = unique.length ? await this.dataSource.getRepository(CommissionObjective).findBy({ id: In(unique), commissionId }) : [];
    const missing = unique.find((id) => !found.some((o) => o.id === id));
    if (missing) throw new NotFoundError('Objective', missing);
    return found;
  }

  loadObjective(ctx: RequestContext, id: string): Promise<CommissionObjective | undefined> {
    return ctx
      .loader<string, CommissionObjective | undefined>('objective.byId', async (ids) =>
        oneByKeys(ids, await this.dataSource.getRepository(CommissionObjective).findBy({ id: In([...ids]) }), (o) => o.id),
      )
      .load(id);
  }

  amendmentsOf(ctx: RequestContext, commissionId: string): Promise<CommissionAmendment[]> {
    return ctx
      .loader<string, CommissionAmendment[]>('commission.amendments', async (ids) =>
        groupByKeys(
          ids,
          await this.dataSource.getRepository(CommissionAmendment).find({ where: { commissionId: In([...ids]) }, order: { decidedOn: 'ASC', createdAt: 'ASC' } }),
          (a) => a.commissionId,
        ),
      )
      .load(commissionId);
  }

  partnerIdsOf(ctx: RequestContext, commissionId: string): Promise<string[]> {
    return ctx
      .loader<string, string[]>('commission.partners', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(CommissionPartner).findBy({ commissionId: In([...ids]) }), (p) => p.commissionId).map((list) =>
          list.map((p) => p.organisationId),
        ),
      )
      .load(commissionId);
  }

  rolesOf(ctx: RequestContext, commissionId: string): Promise<CommissionRole[]> {
    return ctx
      .loader<string, CommissionRole[]>('commission.roles', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(CommissionRole).find({ where: { commissionId: In([...ids]) }, order: { createdAt: 'ASC' } }), (r) => r.commissionId),
      )
      .load(commissionId);
  }

  async assignRole(ctx: RequestContext, input: CommissionRoleInput): Promise<CommissionRole> {
    await this.access.require(ctx, input.commissionId, 'manage');
    await this.people.get(input.personId);
    return inTransaction(this.dataSource, async (manager) => {
      const role = await manager.save(manager.create(CommissionRole, input));
      await this.audit.record(manager, ctx, { entity: 'commission', entityId: input.commissionId, action: 'assign-role', after: { personId: input.personId, role: input.role } });
      return role;
    });
  }

  async removeRole(ctx: RequestContext, input: CommissionRoleInput): Promise<boolean> {
    await this.access.require(ctx, input.commissionId, 'manage');
    return inTransaction(this.dataSource, async (manager) => {
      const result = await manager.delete(CommissionRole, input);
      if (!result.affected) throw new NotFoundError('CommissionRole', `${input.personId}/${input.role}`);
      await this.audit.record(manager, ctx, { entity: 'commission', entityId: input.commissionId, action: 'remove-role', before: { personId: input.personId, role: input.role } });
      return true;
    });
  }

  async recordEngagement(ctx: RequestContext, input: RecordEngagementInput): Promise<StakeholderEngagement> {
    await this.access.require(ctx, input.commissionId, 'manage');
    await this.organisations.get(input.organisationId);
    return inTransaction(this.dataSource, async (manager) => {
      const engagement = await manager.save(manager.create(StakeholderEngagement, { ...input, note: input.note ?? null, engagedOn: input.engagedOn ?? null }));
      await this.audit.record(manager, ctx, { entity: 'stakeholder_engagement', entityId: engagement.id, action: 'create', after: engagement });
      return engagement;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<Commission> {
    const commission = await manager.findOne(Commission, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!commission) throw new NotFoundError('Commission', id);
    return commission;
  }
}

function assertDistinctLetters(letters: string[]): void {
  const seen = new Set<string>();
  for (const letter of letters) {
    if (seen.has(letter)) throw new ConflictError('commissions.objectiveLetterTaken', { letter }, { field: 'objectives' });
    seen.add(letter);
  }
}
