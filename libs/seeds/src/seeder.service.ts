import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { ValidationError, validate } from 'class-validator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AuthService, CreateAccountInput } from '@samverkan/accounts';
import {
  CommissionStatus,
  CommissionsService,
  CommissionRoleInput,
  CreateCommissionInput,
  RecordEngagementInput,
  UpdateCommissionInput,
} from '@samverkan/commissions';
import { RequestContext } from '@samverkan/core';
import { CreateOrganisationInput, Organisation, OrganisationsService } from '@samverkan/organisations';
import { CreatePersonInput, PeopleService } from '@samverkan/people';
import {
  AppointInput,
  AppointmentKind,
  AppointmentsService,
  CreateSeatAllocationInput,
  NominationsService,
  RequestNominationInput,
  SeatRole,
  SeatsService,
  SubmitNominationInput,
} from '@samverkan/seats';
import { CreateStrategyInput, StrategiesService } from '@samverkan/strategies';
import { CreateWorkingGroupInput, WorkingGroupsService } from '@samverkan/working-groups';
import { DeliverablesSeeder } from './seed-deliverables';
import { MeetingsSeeder } from './seed-meetings';
import { ReportsSeeder } from './seed-reports';
import { AllocationSeed, COMMISSIONS, CommissionSeed, DEMO_LOGINS, DEMO_PASSWORD, NIL_SESSION, ORGANISATIONS, PEOPLE, STRATEGIES, SeedDate } from './seed-data';

export interface SeedOptions {
  /** Skip when the database already holds any commission. */
  ifEmpty: boolean;
}

export interface SeedResult {
  skipped: boolean;
  counts: Record<string, number>;
}

/** Advisory-lock key: two processes seeding at once (API and CLI, two terminals) load the data once. */
const SEED_LOCK = 7_351_002_003;

/**
 * Loads the four seed situations (shared/seeds/000–003) and the demo logins
 * through the domain services, so every row passes the services' checks and
 * leaves its audit event; all events of one run share the request id `seed:<uuid>`.
 * Each input is first validated with the API's own input class.
 */
@Injectable()
export class SeederService {
  private readonly logger = new Logger(SeederService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
    private readonly auth: AuthService,
    private readonly strategies: StrategiesService,
    private readonly commissions: CommissionsService,
    private readonly groups: WorkingGroupsService,
    private readonly seats: SeatsService,
    private readonly appointments: AppointmentsService,
    private readonly nominations: NominationsService,
    private readonly deliverablesSeeder: DeliverablesSeeder,
    private readonly meetings: MeetingsSeeder,
    private readonly reportsSeeder: ReportsSeeder,
  ) {}

  async seed(options: SeedOptions): Promise<SeedResult> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [SEED_LOCK]);
      if (options.ifEmpty) {
        const [{ found }]: { found: boolean }[] = await lock.query('SELECT EXISTS (SELECT 1 FROM commission) AS found');
        if (found) return { skipped: true, counts: {} };
      }
      const counts = await new SeedRun(this, `seed:${randomUUID()}`).run();
      this.logger.log(`Seed data loaded: ${JSON.stringify(counts)}`);
      return { skipped: false, counts };
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  /** The services a run uses (kept private to the module). */
  deps() {
    return {
      dataSource: this.dataSource,
      organisations: this.organisations,
      people: this.people,
      auth: this.auth,
      strategies: this.strategies,
      commissions: this.commissions,
      groups: this.groups,
      seats: this.seats,
      appointments: this.appointments,
      nominations: this.nominations,
      deliverablesSeeder: this.deliverablesSeeder,
      meetings: this.meetings,
      reportsSeeder: this.reportsSeeder,
    };
  }
}

/** One seeding run: the key → id maps and the counters. */
class SeedRun {
  private readonly s: ReturnType<SeederService['deps']>;
  private readonly organisationIds = new Map<string, string>();
  private readonly personIds = new Map<string, string>();
  private readonly strategyIds = new Map<string, string>();
  private admin?: { personId: string; accountId: string };
  private readonly counts: Record<string, number> = {
    organisations: 0,
    people: 0,
    accounts: 0,
    strategies: 0,
    goals: 0,
    commissions: 0,
    objectives: 0,
    commissionRoles: 0,
    engagements: 0,
    workingGroups: 0,
    seatAllocations: 0,
    seats: 0,
    nominationRequests: 0,
    nominations: 0,
    appointments: 0,
  };

  constructor(
    seeder: SeederService,
    private readonly requestId: string,
  ) {
    this.s = seeder.deps();
  }

  async run(): Promise<Record<string, number>> {
    await this.loadOrganisations();
    await this.loadPeopleAndLogins();
    await this.loadStrategies();
    for (const commission of COMMISSIONS) await this.loadCommission(commission);
    Object.assign(this.counts, await this.s.deliverablesSeeder.seed(() => this.ctx()));
    Object.assign(this.counts, await this.s.meetings.seed(this.ctx(), (key) => this.person(key)));
    Object.assign(this.counts, await this.s.reportsSeeder.seed(() => this.ctx()));
    return this.counts;
  }

  /**
   * A fresh context per call (DataLoaders cache per context) acting as the demo
   * admin once it exists; before that, the system context (no person).
   */
  private ctx(): RequestContext {
    const ctx = RequestContext.system(this.requestId);
    if (this.admin) ctx.actor = { ...this.admin, sessionId: NIL_SESSION, isAdmin: true, locale: 'sv' };
    return ctx;
  }

  private async loadOrganisations(): Promise<void> {
    for (const seed of ORGANISATIONS) {
      // An organisation of that name may already be registered (the name is unique per country).
      const existing = await this.findOrganisation(seed.name, seed.country);
      if (existing) {
        this.organisationIds.set(seed.key, existing.id);
        continue;
      }
      const input = await checked(CreateOrganisationInput, {
        name: seed.name,
        shortName: seed.shortName,
        kind: seed.kind,
        country: seed.country,
        region: seed.region,
        parentId: seed.parent ? this.org(seed.parent) : undefined,
      });
      // isDemo is no API input; OrganisationsService.create stores the fields it is given.
      const organisation = await this.s.organisations.create(this.ctx(), { ...input, isDemo: seed.isDemo ?? false } as CreateOrganisationInput);
      this.organisationIds.set(seed.key, organisation.id);
      this.counts.organisations++;
    }
  }

  private async findOrganisation(name: string, country: string): Promise<Organisation | undefined> {
    const page = await this.s.organisations.list({ first: 100 }, { search: name, country });
    return page.edges.map((e) => e.node).find((o) => o.name.toLocaleLowerCase('sv') === name.toLocaleLowerCase('sv'));
  }

  private async loadPeopleAndLogins(): Promise<void> {
    const logins = new Map(DEMO_LOGINS.map((login) => [login.person, login]));
    const adminKey = DEMO_LOGINS.find((l) => l.role === 'admin')!.person;
    // The admin first (by the system context); everything after is done as the admin.
    const ordered = [...PEOPLE.filter((p) => p.key === adminKey), ...PEOPLE.filter((p) => p.key !== adminKey)];
    for (const seed of ordered) {
      const affiliationId = seed.affiliation ? this.org(seed.affiliation) : undefined;
      // On a forced second load the people are there already (e-mail addresses are unique).
      let personId = await this.findPerson(seed.email, seed.fullName, affiliationId);
      if (!personId) {
        const input = await checked(CreatePersonInput, {
          fullName: seed.fullName,
          email: seed.email,
          title: seed.title,
          affiliationId,
          locale: seed.locale,
          timeZone: seed.timeZone,
          gender: seed.gender,
        });
        // isDemo is no API input; PeopleService.create stores the fields it is given.
        personId = (await this.s.people.create(this.ctx(), { ...input, isDemo: seed.isDemo } as CreatePersonInput)).id;
        this.counts.people++;
      }
      this.personIds.set(seed.key, personId);
      const login = logins.get(seed.key);
      if (!login) continue;
      let [account]: { id: string }[] = await this.s.dataSource.query('SELECT id FROM account WHERE person_id = $1', [personId]);
      if (!account) {
        const input = await checked(CreateAccountInput, { personId, email: login.email, password: DEMO_PASSWORD, isAdmin: login.role === 'admin' });
        await this.s.auth.createAccount(this.ctx(), input);
        this.counts.accounts++;
        [account] = await this.s.dataSource.query('SELECT id FROM account WHERE person_id = $1', [personId]);
      }
      if (login.role === 'admin') this.admin = { personId, accountId: account.id };
    }
  }

  private async findPerson(email: string | undefined, fullName: string, affiliationId: string | undefined): Promise<string | undefined> {
    const rows: { id: string }[] = email
      ? await this.s.dataSource.query('SELECT id FROM person WHERE lower(email) = lower($1)', [email])
      : await this.s.dataSource.query('SELECT id FROM person WHERE full_name = $1 AND email IS NULL AND affiliation_id IS NOT DISTINCT FROM $2 ORDER BY created_at LIMIT 1', [
          fullName,
          affiliationId ?? null,
        ]);
    return rows[0]?.id;
  }

  private async loadStrategies(): Promise<void> {
    for (const seed of STRATEGIES) {
      const existing = (await this.s.strategies.list()).find((s) => s.title === seed.title);
      if (existing) {
        this.strategyIds.set(seed.key, existing.id);
        continue;
      }
      const input = await checked(CreateStrategyInput, {
        title: seed.title,
        ownerId: this.org(seed.owner),
        publishedOn: seed.publishedOn,
        description: seed.description,
        priorityAreas: seed.priorityAreas,
      });
      const strategy = await this.s.strategies.create(this.ctx(), input);
      this.strategyIds.set(seed.key, strategy.id);
      this.counts.strategies++;
      this.counts.goals += seed.priorityAreas.reduce((n, area) => n + area.goals.length, 0);
    }
  }

  private async loadCommission(seed: CommissionSeed): Promise<void> {
    const input = await checked(CreateCommissionInput, {
      title: seed.title,
      kind: seed.kind,
      commissioningBodyId: this.org(seed.commissioningBody),
      leadOrganisationId: this.org(seed.lead),
      partnerIds: (seed.partners ?? []).map((key) => this.org(key)),
      strategyId: seed.strategy ? this.strategy(seed.strategy) : undefined,
      description: seed.description,
      startsOn: seed.startsOn,
      reportingDeadline: seed.reportingDeadline,
      reportCadence: seed.reportCadence,
      status: CommissionStatus.ACTIVE,
      timeZone: seed.timeZone,
      objectives: seed.objectives ?? [],
      secretariatIds: (seed.secretariat ?? []).map((key) => this.person(key)),
      commissionerIds: (seed.commissioners ?? []).map((key) => this.person(key)),
    });
    const commission = await this.s.commissions.create(this.ctx(), input);
    // Flagged as demo data; isDemo is no API input, CommissionsService.update stores the fields it is given.
    await this.s.commissions.update(this.ctx(), { id: commission.id, isDemo: true } as UpdateCommissionInput);
    this.counts.commissions++;
    this.counts.objectives += input.objectives.length;
    this.counts.commissionRoles += input.secretariatIds.length + input.commissionerIds.length;

    for (const role of seed.roles ?? []) {
      const roleInput = await checked(CommissionRoleInput, { commissionId: commission.id, personId: this.person(role.person), role: role.role });
      await this.s.commissions.assignRole(this.ctx(), roleInput);
      this.counts.commissionRoles++;
    }
    for (const engagement of seed.engagements ?? []) {
      const engagementInput = await checked(RecordEngagementInput, {
        commissionId: commission.id,
        organisationId: this.org(engagement.organisation),
        how: engagement.how,
        note: engagement.note,
        engagedOn: engagement.engagedOn,
      });
      await this.s.commissions.recordEngagement(this.ctx(), engagementInput);
      this.counts.engagements++;
    }

    const objectives = await this.s.commissions.objectivesOf(this.ctx(), commission.id);
    const groupIds = new Map<string, string>();
    for (const group of seed.groups) {
      const goalIds: string[] = [];
      for (const code of group.goals ?? []) {
        if (!commission.strategyId) throw new Error(`seed data ${seed.key}: goal ${code} given, but the commission has no strategy`);
        goalIds.push((await this.s.strategies.goalByCode(commission.strategyId, code)).id);
      }
      const objectiveIds = (group.objectives ?? []).map((letter) => {
        const objective = objectives.find((o) => o.letter === letter);
        if (!objective) throw new Error(`seed data ${seed.key}: no objective ${letter}`);
        return objective.id;
      });
      const groupInput = await checked(CreateWorkingGroupInput, {
        commissionId: commission.id,
        parentId: group.parent ? groupIds.get(group.parent) : undefined,
        name: group.name,
        purpose: group.purpose,
        status: group.status,
        chairPersonId: group.chair ? this.person(group.chair) : undefined,
        leadOrganisationId: group.leadOrganisation ? this.org(group.leadOrganisation) : undefined,
        secretariatOrganisationId: group.secretariatOrganisation ? this.org(group.secretariatOrganisation) : undefined,
        reportsTo: group.reportsTo,
        holdoverAllowed: true,
        subgroupsAllowed: group.subgroupsAllowed,
        quorumShare: 0.5,
        establishedOn: group.establishedOn,
        goalIds,
        objectiveIds,
      });
      const created = await this.s.groups.create(this.ctx(), groupInput);
      groupIds.set(group.key, created.id);
      this.counts.workingGroups++;
      for (const allocation of group.allocations) await this.loadAllocation(created.id, allocation, seed.timeZone);
    }
  }

  private async loadAllocation(workingGroupId: string, seed: AllocationSeed, timeZone: string): Promise<void> {
    const input = await checked(CreateSeatAllocationInput, {
      workingGroupId,
      organisationId: this.org(seed.organisation),
      nominatingOrganisationId: seed.nominatingOrganisation ? this.org(seed.nominatingOrganisation) : undefined,
      seatCount: seed.seatCount,
      role: seed.role ?? SeatRole.MEMBER,
      requiredPerspective: seed.requiredPerspective,
      requiresGenderPair: seed.requiresGenderPair,
      notes: seed.notes,
    });
    const allocation = await this.s.seats.createAllocation(this.ctx(), input);
    this.counts.seatAllocations++;
    this.counts.seats += seed.seatCount;

    const appoint = async (person: string, kind: AppointmentKind, startsOn: SeedDate, endsOn?: SeedDate, nominationId?: string) => {
      const appointInput = await checked(AppointInput, {
        allocationId: allocation.id,
        personId: this.person(person),
        kind,
        startsOn: resolveDate(startsOn, timeZone),
        endsOn: endsOn === undefined ? undefined : resolveDate(endsOn, timeZone),
        nominationId,
      });
      await this.s.appointments.appoint(this.ctx(), appointInput);
      this.counts.appointments++;
    };

    const nomination = seed.nomination;
    if (nomination) {
      const requestInput = await checked(RequestNominationInput, {
        allocationId: allocation.id,
        deadline: resolveDate(nomination.deadline, timeZone),
        message: nomination.message,
      });
      const request = await this.s.nominations.request(this.ctx(), requestInput);
      this.counts.nominationRequests++;
      if (nomination.candidates?.length) {
        const submitInput = await checked(SubmitNominationInput, {
          requestId: request.id,
          candidates: nomination.candidates.map((key) => ({ personId: this.person(key) })),
          genderRuleReason: nomination.genderRuleReason,
        });
        const submitted = await this.s.nominations.submit(this.ctx(), submitInput);
        this.counts.nominations++;
        if (nomination.appoint) {
          const { candidate, startsOn, endsOn } = nomination.appoint;
          await appoint(nomination.candidates[candidate], AppointmentKind.PRINCIPAL, startsOn, endsOn, submitted.id);
        }
      }
    }
    for (const appointment of seed.appointments ?? []) {
      const kind = appointment.kind === 'substitute' ? AppointmentKind.SUBSTITUTE : AppointmentKind.PRINCIPAL;
      await appoint(appointment.person, kind, appointment.startsOn, appointment.endsOn);
    }
  }

  private org(key: string): string {
    return required(this.organisationIds, key, 'organisation');
  }

  private person(key: string): string {
    return required(this.personIds, key, 'person');
  }

  private strategy(key: string): string {
    return required(this.strategyIds, key, 'strategy');
  }
}

function required(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`seed data: unknown ${what} "${key}"`);
  return id;
}

/** Turns seed data into the API's input class and validates it as the API's ValidationPipe would. */
async function checked<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const defined = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  const instance = plainToInstance(type, defined);
  const errors = await validate(instance);
  if (errors.length) throw new Error(`seed data is not a valid ${type.name}: ${errors.flatMap((e) => describe(e)).join('; ')}`);
  return instance;
}

function describe(error: ValidationError, prefix = ''): string[] {
  const path = `${prefix}${error.property}`;
  return [...Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`), ...(error.children ?? []).flatMap((child) => describe(child, `${path}.`))];
}

/** A seed date as YYYY-MM-DD; relative dates count from today in the commission's time zone. */
export function resolveDate(date: SeedDate, timeZone: string): string {
  if (typeof date === 'string') return date;
  return DateTime.now().setZone(timeZone).plus({ days: date.daysFromToday }).toISODate()!;
}
