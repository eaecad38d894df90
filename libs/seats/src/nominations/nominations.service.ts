import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { DateTime } from 'luxon';
import { AccessService } from '@samverkan/access';
import { AuditService, BadInputError, ConflictError, NotFoundError, RequestContext, inTransaction } from '@samverkan/core';
import { OrganisationsService } from '@samverkan/organisations';
import { OutboxService } from '@samverkan/mail';
import { MailLinkService } from '@samverkan/mail-actions';
import { Gender, PeopleService, Person } from '@samverkan/people';
import { SeatAllocation } from '../allocations/seat-allocation.entity';
import { AllocationCompliance, CompositionReport } from '../balance/balance.types';
import { SeatStatus } from '../seat.types';
import { SeatsService, toBalance } from '../seats.service';
import { Nomination } from './nomination.entity';
import { NominationCandidate } from './nomination-candidate.entity';
import { NominationRequest, NominationRequestStatus } from './nomination-request.entity';
import { CandidateInput, RequestNominationInput, SubmitNominationInput } from './nomination.inputs';
import { NOMINATION_REPLY, loadNominationSubject } from './nomination-subject';
import { nominationRequestTemplate } from './nominations.mails';

/** Days an organisation gets to nominate for a seat that fell vacant. */
const VACANCY_NOMINATION_DAYS = 30;

/**
 * Nomination requests to organisations and their answers, with the Danish gender
 * rule (Ligestillingsloven §§ 8–10): for n seats an organisation proposes n women
 * and n men, or states why it does not.
 */
@Injectable()
export class NominationsService {
  private readonly logger = new Logger(NominationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: SeatsService,
    private readonly people: PeopleService,
    private readonly organisations: OrganisationsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly links: MailLinkService,
  ) {}

  /** Asks an organisation for names; its contact gets a mail with a "Nominate" button (in the same transaction). */
  async request(ctx: RequestContext, input: RequestNominationInput): Promise<NominationRequest> {
    const allocation = await this.seats.getAllocation(ctx, input.allocationId, 'manage');
    const organisationId = input.organisationId ?? allocation.nominatingOrganisationId;
    await this.organisations.get(organisationId);
    if (input.contactPersonId) await this.people.get(input.contactPersonId);
    // A seat held over needs a successor as much as a vacant one needs a holder.
    const counts = await this.seats.statusCounts(ctx, allocation.id);
    const open = counts[SeatStatus.VACANT] + counts[SeatStatus.HOLDOVER];
    const { request, outboxId } = await inTransaction(this.dataSource, async (manager) => {
      const request = await manager.save(
        manager.create(NominationRequest, {
          allocationId: allocation.id,
          organisationId,
          contactPersonId: input.contactPersonId ?? null,
          seatsRequested: input.seatsRequested ?? Math.max(open, 1),
          message: input.message ?? null,
          deadline: input.deadline,
          sentBy: ctx.actor?.personId ?? null,
        }),
      );
      await this.audit.record(manager, ctx, { entity: 'nomination_request', entityId: request.id, action: 'create', after: request });
      return { request, outboxId: await this.mailContact(manager, request.id, `nomination-request:${request.id}`) };
    });
    await this.dispatch(outboxId);
    return request;
  }

  /**
   * A principal's seat falls vacant: asks the nominating organisation's contact
   * (the contact of the allocation's latest request) for a new name, reusing an
   * open request or opening one, in the caller's transaction. Returns the mail's
   * outbox id (dispatch it after commit), or undefined when there is no contact.
   */
  async noticeVacancy(
    manager: EntityManager,
    ctx: RequestContext,
    vacancy: { allocationId: string; seat: string; from: string; dedupeKey: string },
  ): Promise<string | undefined> {
    if (await this.outbox.has(manager, vacancy.dedupeKey)) return undefined;
    const [latest]: { contact_person_id: string }[] = await manager.query(
      `SELECT contact_person_id FROM nomination_request WHERE allocation_id = $1 AND contact_person_id IS NOT NULL ORDER BY sent_at DESC, id LIMIT 1`,
      [vacancy.allocationId],
    );
    if (!latest) return undefined;
    const contactPersonId = latest.contact_person_id;
    let request = await manager.findOne(NominationRequest, {
      where: { allocationId: vacancy.allocationId, status: NominationRequestStatus.SENT },
      order: { sentAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (request && !request.contactPersonId) {
      await manager.update(NominationRequest, { id: request.id }, { contactPersonId });
      await this.audit.record(manager, ctx, { entity: 'nomination_request', entityId: request.id, action: 'set-contact', before: { contactPersonId: null }, after: { contactPersonId } });
    } else if (!request) {
      const allocation = await manager.findOneByOrFail(SeatAllocation, { id: vacancy.allocationId });
      const from = DateTime.max(DateTime.fromISO(vacancy.from), DateTime.now());
      request = await manager.save(
        manager.create(NominationRequest, {
          allocationId: allocation.id,
          organisationId: allocation.nominatingOrganisationId,
          contactPersonId,
          seatsRequested: 1,
          deadline: from.plus({ days: VACANCY_NOMINATION_DAYS }).toISODate()!,
          sentBy: ctx.actor?.personId ?? null,
        }),
      );
      await this.audit.record(manager, ctx, { entity: 'nomination_request', entityId: request.id, action: 'create-for-vacancy', after: request });
    }
    return this.mailContact(manager, request.id, vacancy.dedupeKey, { seat: vacancy.seat, from: vacancy.from });
  }

  /** Sends mail written by a committed transaction now; if the queue is down, the worker's sweep sends it. */
  async dispatch(outboxId: string | undefined): Promise<void> {
    if (!outboxId) return;
    await this.outbox.dispatch([outboxId]).catch((error) => this.logger.warn(`Mail ${outboxId} left for the sweep: ${String(error)}`));
  }

  /** The request's mail to its contact, with a signed "Nominate" link; nothing when there is no contact with an address. */
  private async mailContact(manager: EntityManager, requestId: string, dedupeKey: string, vacancy?: { seat: string; from: string }): Promise<string | undefined> {
    const subject = await loadNominationSubject(manager, requestId);
    if (!subject?.contactPersonId) return undefined;
    const contact = await manager.findOneBy(Person, { id: subject.contactPersonId });
    if (!contact?.email || contact.erasedAt) return undefined;
    const nominateUrl = await this.links.url(manager, NOMINATION_REPLY, contact.id, requestId);
    const { id, created } = await this.outbox.enqueue(manager, {
      template: nominationRequestTemplate,
      props: { subject, nominateUrl, vacancy },
      recipient: { personId: contact.id, address: contact.email, name: contact.fullName, locale: contact.locale, timeZone: contact.timeZone },
      dedupeKey,
      commissionId: subject.commissionId,
    });
    return created ? id : undefined;
  }

  /** Records an organisation's nomination; refuses one that breaks the gender rule without a reason. */
  async submit(ctx: RequestContext, input: SubmitNominationInput): Promise<Nomination> {
    const request = await this.dataSource.getRepository(NominationRequest).findOneBy({ id: input.requestId });
    if (!request) throw new NotFoundError('NominationRequest', input.requestId);
    // The secretariat records nominations; the organisation's contact may answer its own request (from the mail link or signed in).
    const allocation = ctx.grants('nomination_request', request.id) || (!!ctx.actor && request.contactPersonId === ctx.actor.personId)
      ? await this.dataSource.getRepository(SeatAllocation).findOneByOrFail({ id: request.allocationId })
      : await this.seats.getAllocation(ctx, request.allocationId, 'manage');
    if (request.status !== NominationRequestStatus.SENT) throw new ConflictError('seats.requestClosed');
    const existing = input.candidates.filter((c) => c.personId).map((c) => c.personId!);
    const known = existing.length ? await this.people.findByIds(existing) : [];
    const missing = existing.find((_, i) => !known[i]);
    if (missing) throw new NotFoundError('Person', missing);
    if (input.candidates.some((c) => !c.personId && !c.fullName)) throw new BadInputError('seats.candidatePerson');
    const genders = input.candidates.map((c) => c.gender ?? known.find((p) => p?.id === c.personId)?.gender ?? null);
    const women = genders.filter((g) => g === Gender.WOMAN).length;
    const men = genders.filter((g) => g === Gender.MAN).length;
    const needed = request.seatsRequested;
    const complies = !allocation.requiresGenderPair || (women >= needed && men >= needed);
    if (!complies && !input.genderRuleReason?.trim()) throw new BadInputError('seats.genderRule', { count: needed }, { women, men, needed, field: 'genderRuleReason' });
    return inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.findOneOrFail(NominationRequest, { where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
      if (locked.status !== NominationRequestStatus.SENT) throw new ConflictError('seats.requestClosed');
      const nomination = await manager.save(
        manager.create(Nomination, {
          requestId: request.id,
          submittedBy: ctx.actor?.personId ?? null,
          genderRuleReason: complies ? null : input.genderRuleReason!.trim(),
          compliesWithGenderRule: complies,
        }),
      );
      const candidates: Pick<NominationCandidate, 'nominationId' | 'personId' | 'gender' | 'perspective' | 'rank'>[] = [];
      for (const [rank, candidate] of input.candidates.entries()) {
        const personId = candidate.personId ?? (await this.candidatePerson(manager, candidate, request.organisationId));
        if (candidates.some((c) => c.personId === personId)) throw new BadInputError('seats.candidateTwice', { n: rank + 1 }, { path: `candidates.${rank}` });
        candidates.push({ nominationId: nomination.id, personId, gender: genders[rank], perspective: candidate.perspective ?? null, rank: rank + 1 });
      }
      await manager.insert(NominationCandidate, candidates);
      await manager.update(NominationRequest, { id: request.id }, { status: NominationRequestStatus.ANSWERED, answeredAt: new Date() });
      await this.audit.record(manager, ctx, {
        entity: 'nomination',
        entityId: nomination.id,
        action: 'submit',
        after: { requestId: request.id, candidates: candidates.map((c) => c.personId), compliesWithGenderRule: complies, reason: nomination.genderRuleReason },
      });
      return nomination;
    });
  }

  /**
   * The person a candidate given by name (and address) stands for. An address already
   * in the register links that person, as they are: nothing the organisation typed
   * overwrites the register, and nothing from the register (name, gender, affiliation)
   * goes back to the organisation — the gender rule counts the genders it gave. A new
   * address (or none) is a new person. Two nominations racing with one new address
   * link the same person (the insert yields to the unique index, then reads).
   */
  private async candidatePerson(manager: EntityManager, candidate: CandidateInput, organisationId: string): Promise<string> {
    const fullName = candidate.fullName!.trim();
    const email = candidate.email?.trim() || null;
    const [created]: { id: string }[] = await manager.query(
      `INSERT INTO person (full_name, email, gender, affiliation_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (lower(email)) WHERE email IS NOT NULL DO NOTHING RETURNING id`,
      [fullName, email, candidate.gender ?? null, organisationId],
    );
    if (created) return created.id;
    const [existing]: { id: string }[] = await manager.query(`SELECT id FROM person WHERE lower(email) = lower($1)`, [email]);
    return existing.id;
  }

  requestsOf(ctx: RequestContext, allocationId: string): Promise<NominationRequest[]> {
    return ctx
      .loader<string, NominationRequest[]>('allocation.requests', async (ids) => {
        const rows = await this.dataSource.getRepository(NominationRequest).find({ where: { allocationId: In([...ids]) }, order: { sentAt: 'DESC' } });
        return ids.map((id) => rows.filter((r) => r.allocationId === id));
      })
      .load(allocationId);
  }

  async candidatesOf(nominationId: string): Promise<Person[]> {
    const rows = await this.dataSource.getRepository(NominationCandidate).find({ where: { nominationId }, order: { rank: 'ASC' } });
    const people = await this.people.findByIds(rows.map((r) => r.personId));
    return people.filter((p): p is Person => !!p);
  }

  nominationsOf(requestId: string): Promise<Nomination[]> {
    return this.dataSource.getRepository(Nomination).find({ where: { requestId }, order: { submittedAt: 'DESC' } });
  }

  /** Per allocation of a group: is the gender rule met by the latest nomination (or a stated reason)? */
  async compliance(ctx: RequestContext, groupId: string): Promise<AllocationCompliance[]> {
    const rows = await this.latestProposals(groupId);
    const organisations = await Promise.all(rows.map((r) => this.organisations.load(ctx, r.organisation_id)));
    return rows.map((row, i) => ({
      allocationId: row.allocation_id,
      organisation: organisations[i]!,
      required: row.requires_gender_pair,
      nominated: row.nomination_id !== null,
      womenProposed: row.women,
      menProposed: row.men,
      reason: row.reason,
      complies: !row.requires_gender_pair || (row.nomination_id !== null && (row.complies || row.reason !== null)),
    }));
  }

  /** The intended composition before appointment (§ 10): per allocation, who is proposed. */
  async compositionReport(ctx: RequestContext, groupId: string): Promise<CompositionReport> {
    const rows = await this.latestProposals(groupId);
    const organisations = await Promise.all(rows.map((r) => this.organisations.load(ctx, r.organisation_id)));
    const allIds = rows.flatMap((r) => r.candidate_ids ?? []);
    const people = await this.people.findByIds(allIds);
    const byId = new Map(people.filter((p): p is Person => !!p).map((p) => [p.id, p]));
    const proposed = [...byId.values()];
    return {
      workingGroupId: groupId,
      lines: rows.map((row, i) => ({
        organisation: organisations[i]!,
        seats: row.seat_count,
        requiredPerspective: row.required_perspective,
        proposed: (row.candidate_ids ?? []).map((id) => byId.get(id)!).filter(Boolean),
        womenProposed: row.women,
        menProposed: row.men,
        reason: row.reason,
      })),
      proposed: toBalance(
        proposed.filter((p) => p.gender === Gender.WOMAN).length,
        proposed.filter((p) => p.gender === Gender.MAN).length,
        proposed.filter((p) => p.gender === Gender.OTHER).length,
        proposed.filter((p) => !p.gender).length,
      ),
      current: await this.seats.balance(groupId),
    };
  }

  private latestProposals(groupId: string) {
    return this.dataSource.query(
      `SELECT sa.id AS allocation_id, sa.organisation_id, sa.seat_count, sa.required_perspective, sa.requires_gender_pair,
              n.id AS nomination_id, coalesce(n.complies_with_gender_rule, false) AS complies, n.gender_rule_reason AS reason,
              coalesce((SELECT count(*) FROM nomination_candidate c WHERE c.nomination_id = n.id AND c.gender = 'woman'), 0)::int AS women,
              coalesce((SELECT count(*) FROM nomination_candidate c WHERE c.nomination_id = n.id AND c.gender = 'man'), 0)::int AS men,
              (SELECT array_agg(c.person_id ORDER BY c.rank) FROM nomination_candidate c WHERE c.nomination_id = n.id) AS candidate_ids
         FROM seat_allocation sa
         LEFT JOIN LATERAL (
           SELECT n.* FROM nomination n JOIN nomination_request r ON r.id = n.request_id
            WHERE r.allocation_id = sa.id ORDER BY n.submitted_at DESC LIMIT 1) n ON true
        WHERE sa.working_group_id = $1
        ORDER BY sa.created_at, sa.id`,
      [groupId],
    ) as Promise<
      {
        allocation_id: string;
        organisation_id: string;
        seat_count: number;
        required_perspective: string | null;
        requires_gender_pair: boolean;
        nomination_id: string | null;
        complies: boolean;
        reason: string | null;
        women: number;
        men: number;
        candidate_ids: string[] | null;
      }[]
    >;
  }
}

export type { SeatAllocation };
