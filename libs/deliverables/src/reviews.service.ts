import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  APP_CONFIG,
  AppConfig,
  AuditService,
  BadInputError,
  ConflictError,
  ForbiddenError,
  Locale,
  NotFoundError,
  RequestContext,
  groupByKeys,
  inTransaction,
  isLocale,
  oneByKeys,
  publicUrl,
  todayIn,
} from '@samverkan/core';
import { AccessService } from '@samverkan/access';
import { CommissionsService } from '@samverkan/commissions';
import { OutboxService, mailPaths, mailUrl } from '@samverkan/mail';
import { MailLinkService } from '@samverkan/mail-actions';
import { Organisation, OrganisationsService } from '@samverkan/organisations';
import { Person, PeopleService } from '@samverkan/people';
import { Deliverable, DeliverableStatus } from './deliverable.entity';
import { DeliverablesService } from './deliverables.service';
import { DocumentsService } from './documents.service';
import { OpenReviewRoundInput, ReviewCommentInput, RespondToCommentInput } from './deliverable.inputs';
import { STATUS_LABELS } from './deliverables.messages';
import { AnchorKind, CommentDecision, ReviewComment } from './review-comment.entity';
import { ReviewAnswer, ReviewVerdict } from './review-answer.entity';
import { ReviewOutcome, ReviewRound, ReviewRoundStatus } from './review.entity';
import { ReviewReviewer } from './review-reviewer.entity';
import { REVIEW_ANSWER_ACTION, ReviewButtonVerdict, reviewInvitationTemplate } from './review-invitation.template';

const ANSWER_BUTTONS: ReviewButtonVerdict[] = ['approve', 'request_changes', 'comment'];

/** A seat holder who could review on behalf of an organisation. */
export interface ReviewerCandidate {
  personId: string;
  organisationId: string;
  workingGroupId: string;
}

/** A named reviewer as the invitation mail needs them. */
interface ReviewerRecipient {
  id: string;
  full_name: string;
  email: string | null;
  locale: string;
  time_zone: string;
}

/** What a reviewer answers: a verdict, an optional summary and anchored comments. */
export interface ReviewAnswerDraft {
  verdict: ReviewVerdict;
  summary?: string | null;
  comments?: ReviewCommentInput[];
}

/** One line of the consolidated comment matrix. */
export interface CommentMatrixRow {
  number: number;
  organisation: string;
  reviewer: string;
  anchorKind: AnchorKind;
  anchor: string | null;
  comment: string;
  proposedWording: string | null;
  response: string | null;
  decision: CommentDecision | null;
}

/**
 * Review rounds on a document version: named reviewers (suggested from the seat
 * holders of the member organisations), their answers and anchored comments,
 * who has not answered, closing with an outcome, and the secretariat's response
 * to each comment. `answer`, `close` and `respond` are the actions one-click
 * mail links call: each checks access and audits itself.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliverables: DeliverablesService,
    private readonly documents: DocumentsService,
    private readonly commissions: CommissionsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly links: MailLinkService,
    private readonly access: AccessService,
    private readonly people: PeopleService,
    private readonly organisations: OrganisationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---------------------------------------------------------------- reading

  /** A round the actor may see (the deliverable is visible to them). */
  async get(ctx: RequestContext, roundId: string): Promise<{ round: ReviewRound; deliverable: Deliverable }> {
    const round = await this.load(ctx, roundId);
    if (!round) throw new NotFoundError('ReviewRound', roundId);
    const deliverable = await this.deliverables.get(ctx, round.deliverableId).catch(() => {
      throw new NotFoundError('ReviewRound', roundId);
    });
    return { round, deliverable };
  }

  load(ctx: RequestContext, id: string): Promise<ReviewRound | undefined> {
    return ctx.loader<string, ReviewRound | undefined>('round.byId', async (ids) => oneByKeys(ids, await this.dataSource.getRepository(ReviewRound).findBy({ id: In([...ids]) }), (r) => r.id)).load(id);
  }

  roundsOf(ctx: RequestContext, deliverableId: string): Promise<ReviewRound[]> {
    return ctx
      .loader<string, ReviewRound[]>('deliverable.rounds', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(ReviewRound).find({ where: { deliverableId: In([...ids]) }, order: { openedAt: 'ASC', id: 'ASC' } }), (r) => r.deliverableId),
      )
      .load(deliverableId);
  }

  reviewersOf(ctx: RequestContext, roundId: string): Promise<ReviewReviewer[]> {
    return ctx
      .loader<string, ReviewReviewer[]>('round.reviewers', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(ReviewReviewer).find({ where: { roundId: In([...ids]) }, order: { invitedAt: 'ASC', personId: 'ASC' } }), (r) => r.roundId),
      )
      .load(roundId);
  }

  answersOf(ctx: RequestContext, roundId: string): Promise<ReviewAnswer[]> {
    return ctx
      .loader<string, ReviewAnswer[]>('round.answers', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(ReviewAnswer).find({ where: { roundId: In([...ids]) }, order: { answeredAt: 'ASC', id: 'ASC' } }), (a) => a.roundId),
      )
      .load(roundId);
  }

  commentsOf(ctx: RequestContext, roundId: string): Promise<ReviewComment[]> {
    return ctx
      .loader<string, ReviewComment[]>('round.comments', async (ids) =>
        groupByKeys(ids, await this.dataSource.getRepository(ReviewComment).find({ where: { roundId: In([...ids]) }, order: { number: 'ASC' } }), (c) => c.roundId),
      )
      .load(roundId);
  }

  /**
   * A person of a round (a reviewer, the author of an answer or a comment: always
   * one of its named reviewers), loaded together with every reviewer of the round.
   * Whichever field asks first (reviewers, answers, comments, non-responders) asks
   * for all of them, so one batch holds them and later fields find them cached:
   * the statements do not depend on which list came back from the database first.
   */
  async personOfRound(ctx: RequestContext, roundId: string, personId: string): Promise<Person | undefined> {
    const reviewers = await this.reviewersOf(ctx, roundId);
    const people = await Promise.all(reviewers.map((r) => this.people.load(ctx, r.personId)));
    return people.find((p) => p?.id === personId) ?? this.people.load(ctx, personId);
  }

  /** The organisation a reviewer answers for, loaded with those of every reviewer of the round (see {@link personOfRound}). */
  async organisationOfReviewer(ctx: RequestContext, roundId: string, personId: string): Promise<Organisation | null> {
    const reviewers = await this.reviewersOf(ctx, roundId);
    const ids = [...new Set(reviewers.map((r) => r.organisationId).filter((id): id is string => !!id))];
    const organisations = await Promise.all(ids.map((id) => this.organisations.load(ctx, id)));
    const id = reviewers.find((r) => r.personId === personId)?.organisationId;
    return (id && organisations.find((o) => o?.id === id)) || null;
  }

  /** Named reviewers who have not answered yet, as people. */
  async nonResponders(ctx: RequestContext, roundId: string): Promise<Person[]> {
    const ids = await this.nonResponderIds(ctx, roundId);
    const people = await Promise.all(ids.map((id) => this.personOfRound(ctx, roundId, id)));
    return people.filter((p): p is Person => !!p);
  }

  /** Named reviewers who have not answered yet. */
  async nonResponderIds(ctx: RequestContext, roundId: string): Promise<string[]> {
    const [reviewers, answers] = await Promise.all([this.reviewersOf(ctx, roundId), this.answersOf(ctx, roundId)]);
    const answered = new Set(answers.map((a) => a.personId));
    return reviewers.filter((r) => !answered.has(r.personId)).map((r) => r.personId);
  }

  /**
   * Whether the actor may read the answers and comments of a round: the
   * secretariat, commissioners, and the round's named reviewers.
   */
  async mayReadAnswers(ctx: RequestContext, round: ReviewRound): Promise<boolean> {
    const d = await this.deliverables.load(ctx, round.deliverableId);
    if (!d) return false;
    // A reviewer with no role in the commission has no level in it: they read as a reviewer, below.
    const level = await this.access.levelIn(ctx, d.commissionId);
    if (level === 'manage' || level === 'oversee') return true;
    return (await this.reviewersOf(ctx, round.id)).some((r) => r.personId === ctx.actor?.personId);
  }

  /** Whether the actor runs the round: the secretariat of the deliverable's commission. */
  async mayManage(ctx: RequestContext, round: ReviewRound): Promise<boolean> {
    const d = await this.deliverables.load(ctx, round.deliverableId);
    if (!d) return false;
    return (await this.access.levelIn(ctx, d.commissionId)) === 'manage';
  }

  /**
   * Who could review: the current seat holders (principals and substitutes) of
   * the deliverable's group, or of every group of the commission for a
   * commission-wide deliverable, with the organisation whose seat they hold.
   */
  async suggestReviewers(ctx: RequestContext, deliverableId: string): Promise<ReviewerCandidate[]> {
    const d = await this.deliverables.get(ctx, deliverableId, 'manage');
    const rows: { person_id: string; organisation_id: string; working_group_id: string }[] = await this.dataSource.query(
      `SELECT person_id, organisation_id, working_group_id FROM (
         SELECT DISTINCT ON (a.person_id) a.person_id, sa.organisation_id, sa.working_group_id, o.name AS organisation, p.full_name
           FROM appointment a
           JOIN seat s ON s.id = a.seat_id
           JOIN seat_allocation sa ON sa.id = s.allocation_id
           JOIN working_group g ON g.id = sa.working_group_id
           JOIN organisation o ON o.id = sa.organisation_id
           JOIN person p ON p.id = a.person_id
          WHERE g.commission_id = $1 AND ($2::uuid IS NULL OR g.id = $2) AND g.status <> 'concluded'
            AND p.erased_at IS NULL
            AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date)
          ORDER BY a.person_id, (a.kind = 'principal') DESC
       ) holders
       ORDER BY organisation, full_name, person_id`,
      [d.commissionId, d.workingGroupId],
    );
    return rows.map((r) => ({ personId: r.person_id, organisationId: r.organisation_id, workingGroupId: r.working_group_id }));
  }

  // ---------------------------------------------------------------- changes

  /**
   * Opens a review round on a version with named reviewers and a deadline,
   * moves the deliverable to "in review" and invites each reviewer by mail (in
   * the same transaction, through the outbox).
   */
  async open(ctx: RequestContext, input: OpenReviewRoundInput): Promise<ReviewRound> {
    const version = await this.documents.getVersion(ctx, input.versionId);
    const d = await this.deliverables.get(ctx, version.deliverableId, 'manage');
    const commission = (await this.commissions.load(ctx, d.commissionId))!;
    if (input.deadline < todayIn(commission.timeZone)) throw new BadInputError('reviews.deadlinePast', {}, { field: 'deadline' });
    if (d.status !== DeliverableStatus.IN_PROGRESS && d.status !== DeliverableStatus.IN_REVIEW) {
      throw new BadInputError('reviews.statusForRound', { status: STATUS_LABELS[d.status][ctx.locale] });
    }
    const reviewerIds = [...new Set(input.reviewerIds)];
    if (!reviewerIds.length) throw new BadInputError('reviews.needsReviewers', {}, { field: 'reviewerIds' });
    const people: { id: string; full_name: string; email: string | null; locale: string; time_zone: string; organisation_id: string | null }[] = await this.dataSource.query(
      `SELECT p.id, p.full_name, p.email, p.locale, p.time_zone,
              coalesce((SELECT sa.organisation_id FROM appointment a
                          JOIN seat s ON s.id = a.seat_id JOIN seat_allocation sa ON sa.id = s.allocation_id
                          JOIN working_group g ON g.id = sa.working_group_id
                         WHERE a.person_id = p.id AND g.commission_id = $2
                           AND a.starts_on <= current_date AND (a.ends_on IS NULL OR a.ends_on >= current_date)
                         ORDER BY (g.id IS NOT DISTINCT FROM $3::uuid) DESC, (a.kind = 'principal') DESC LIMIT 1), p.affiliation_id) AS organisation_id
         FROM person p WHERE p.id = ANY($1) AND p.erased_at IS NULL`,
      [reviewerIds, d.commissionId, d.workingGroupId],
    );
    const missing = reviewerIds.find((id) => !people.some((p) => p.id === id));
    if (missing) throw new NotFoundError('Person', missing);
    const { round, mailIds } = await inTransaction(this.dataSource, async (manager) => {
      await this.deliverables.transition(manager, ctx, d.id, DeliverableStatus.IN_REVIEW);
      const round = await manager.save(
        manager.create(ReviewRound, {
          deliverableId: d.id,
          versionId: version.id,
          deadline: input.deadline,
          message: input.message?.trim() || null,
          openedBy: ctx.actor?.personId ?? null,
        }),
      );
      await manager.insert(
        ReviewReviewer,
        people.map((p) => ({ roundId: round.id, personId: p.id, organisationId: p.organisation_id })),
      );
      const mailIds: string[] = [];
      for (const person of people) {
        const mailId = await this.mailReviewer(manager, { deliverable: d, commissionTitle: commission.title, version, round, person, dedupeKey: `review-invite:${round.id}:${person.id}` });
        if (mailId) mailIds.push(mailId);
      }
      await this.audit.record(manager, ctx, { entity: 'review_round', entityId: round.id, action: 'open', after: { ...round, reviewerIds } });
      return { round, mailIds };
    });
    await this.outbox.dispatch(mailIds).catch(() => undefined); // the sweep sends them otherwise
    return round;
  }

  /**
   * A named reviewer's answer: approve, request changes or comment, with
   * comments anchored to a section, page or line and an optional proposed
   * wording. Answering again replaces the verdict and adds the new comments.
   * Not named: FORBIDDEN. Round closed: CONFLICT.
   */
  async answer(ctx: RequestContext, roundId: string, draft: ReviewAnswerDraft): Promise<ReviewAnswer> {
    const { round } = await this.get(ctx, roundId);
    const personId = ctx.actor?.personId;
    const named = personId && (await this.reviewersOf(ctx, roundId)).some((r) => r.personId === personId);
    if (!named) throw new ForbiddenError('reviews.notNamed');
    if (round.status !== ReviewRoundStatus.OPEN) throw new ConflictError('reviews.roundClosed');
    const comments = draft.comments ?? [];
    for (const comment of comments) {
      if (comment.anchorKind !== AnchorKind.GENERAL && !comment.anchor?.trim()) throw new BadInputError('reviews.anchorNeeded');
    }
    return inTransaction(this.dataSource, async (manager) => {
      // The row lock orders concurrent answers (comment numbers) and a concurrent close.
      const [locked] = await manager.query(`SELECT status FROM review_round WHERE id = $1 FOR UPDATE`, [roundId]);
      if (locked.status !== ReviewRoundStatus.OPEN) throw new ConflictError('reviews.roundClosed');
      const [answerRow] = await manager.query(
        `INSERT INTO review_answer (round_id, person_id, verdict, summary) VALUES ($1, $2, $3, $4)
         ON CONFLICT (round_id, person_id) DO UPDATE SET verdict = EXCLUDED.verdict, summary = coalesce(EXCLUDED.summary, review_answer.summary), answered_at = now()
         RETURNING id`,
        [roundId, personId, draft.verdict, draft.summary?.trim() || null],
      );
      if (comments.length) {
        const [{ next }] = await manager.query(`SELECT coalesce(max(number), 0) + 1 AS next FROM review_comment WHERE round_id = $1`, [roundId]);
        await manager.insert(
          ReviewComment,
          comments.map((c, i) => ({
            roundId,
            personId: personId!,
            number: next + i,
            anchorKind: c.anchorKind,
            anchor: c.anchorKind === AnchorKind.GENERAL ? null : c.anchor!.trim(),
            body: c.body.trim(),
            proposedWording: c.proposedWording?.trim() || null,
          })),
        );
      }
      const answer = await manager.findOneByOrFail(ReviewAnswer, { id: answerRow.id });
      await this.audit.record(manager, ctx, { entity: 'review_round', entityId: roundId, action: 'answer', after: { verdict: draft.verdict, comments: comments.length, personId } });
      return answer;
    });
  }

  /**
   * Reminds each named reviewer who has not answered yet, now: the invitation
   * again, marked as a reminder, with fresh answer buttons. `reminder` is the
   * number of this reminder (remindersSent + 1 as the page saw it): the same
   * number again sends nothing and returns the round as it is, so a double press
   * or a retried request sends one mail per reviewer; the dedupe key per
   * reminder and reviewer holds even if two requests race past the row lock.
   * Recorded on the round, on each reminded reviewer and in the audit trail.
   */
  async remind(ctx: RequestContext, roundId: string, reminder: number): Promise<ReviewRound> {
    const { round } = await this.get(ctx, roundId);
    const d = await this.deliverables.get(ctx, round.deliverableId, 'manage');
    const commission = (await this.commissions.load(ctx, d.commissionId))!;
    const { after, mailIds } = await inTransaction(this.dataSource, async (manager) => {
      const locked = await manager.findOneOrFail(ReviewRound, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
      if (reminder <= locked.remindersSent) return { after: locked, mailIds: [] as string[] };
      if (locked.status !== ReviewRoundStatus.OPEN) throw new ConflictError('reviews.roundClosed');
      if (reminder !== locked.remindersSent + 1) throw new ConflictError('reviews.reminderStale', { sent: locked.remindersSent }, { field: 'reminder', remindersSent: locked.remindersSent });
      const people: ReviewerRecipient[] = await manager.query(
        `SELECT p.id, p.full_name, p.email, p.locale, p.time_zone
           FROM review_reviewer rr JOIN person p ON p.id = rr.person_id
          WHERE rr.round_id = $1 AND p.erased_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM review_answer a WHERE a.round_id = rr.round_id AND a.person_id = rr.person_id)
          ORDER BY p.full_name, p.id`,
        [roundId],
      );
      const reachable = people.filter((p) => p.email);
      if (!reachable.length) throw new ConflictError('reviews.nobodyToRemind');
      const version = await this.documents.getVersion(ctx, locked.versionId);
      const mailIds: string[] = [];
      for (const person of reachable) {
        const mailId = await this.mailReviewer(manager, {
          deliverable: d,
          commissionTitle: commission.title,
          version,
          round: locked,
          person,
          dedupeKey: `review-reminder:${roundId}:${reminder}:${person.id}`,
          reminder: true,
        });
        if (mailId) mailIds.push(mailId);
      }
      const personIds = reachable.map((p) => p.id);
      await manager.query(`UPDATE review_reviewer SET reminder_count = reminder_count + 1, reminded_at = now() WHERE round_id = $1 AND person_id = ANY($2)`, [roundId, personIds]);
      await manager.update(ReviewRound, { id: roundId }, { remindersSent: reminder, lastRemindedAt: new Date() });
      const after = await manager.findOneByOrFail(ReviewRound, { id: roundId });
      await this.audit.record(manager, ctx, { entity: 'review_round', entityId: roundId, action: 'remind', before: { remindersSent: locked.remindersSent }, after: { remindersSent: reminder, personIds } });
      return { after, mailIds };
    });
    await this.outbox.dispatch(mailIds).catch(() => undefined); // the sweep sends them otherwise
    return after;
  }

  /** The invitation (or a reminder of it) to one reviewer, with one-click answer links, through the outbox; the outbox id when it is new. */
  private async mailReviewer(
    manager: EntityManager,
    m: { deliverable: Deliverable; commissionTitle: string; version: { id: string; number: number; filename: string }; round: ReviewRound; person: ReviewerRecipient; dedupeKey: string; reminder?: boolean },
  ): Promise<string | null> {
    const { person, round } = m;
    if (!person.email) return null;
    const base = publicUrl(this.config);
    // Approve / request changes / comment from the mail: one single-use link for this reviewer and round.
    const answerUrls = await this.links.urls(manager, REVIEW_ANSWER_ACTION, person.id, round.id, ANSWER_BUTTONS.map((verdict) => ({ verdict })));
    const { id, created } = await this.outbox.enqueue(manager, {
      template: reviewInvitationTemplate,
      props: {
        deliverableTitle: m.deliverable.title,
        commissionTitle: m.commissionTitle,
        versionNumber: m.version.number,
        filename: m.version.filename,
        deadline: round.deadline,
        message: round.message,
        url: mailUrl(base, mailPaths.reviewRound(round.id)),
        downloadUrl: mailUrl(base, mailPaths.documentFile(m.version.id)),
        answerButtons: answerUrls.map((url, i) => ({ verdict: ANSWER_BUTTONS[i], url })),
        ...(m.reminder ? { reminder: true } : {}),
      },
      recipient: { personId: person.id, address: person.email, name: person.full_name, locale: (isLocale(person.locale) ? person.locale : 'sv') as Locale, timeZone: person.time_zone },
      dedupeKey: m.dedupeKey,
      commissionId: m.deliverable.commissionId,
    });
    return created ? id : null;
  }

  /**
   * Closes a round with an outcome: approved moves the deliverable to approved,
   * changes requested back to in progress, inconclusive leaves it in review.
   */
  async close(ctx: RequestContext, roundId: string, outcome: ReviewOutcome, note?: string | null): Promise<ReviewRound> {
    const { round } = await this.get(ctx, roundId);
    await this.deliverables.get(ctx, round.deliverableId, 'manage');
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(ReviewRound, { where: { id: roundId }, lock: { mode: 'pessimistic_write' } });
      if (before.status !== ReviewRoundStatus.OPEN) throw new ConflictError('reviews.roundClosed');
      await manager.update(ReviewRound, { id: roundId }, { status: ReviewRoundStatus.CLOSED, outcome, outcomeNote: note?.trim() || null, closedAt: new Date(), closedBy: ctx.actor?.personId ?? null });
      const next = { [ReviewOutcome.APPROVED]: DeliverableStatus.APPROVED, [ReviewOutcome.CHANGES_REQUESTED]: DeliverableStatus.IN_PROGRESS, [ReviewOutcome.INCONCLUSIVE]: undefined }[outcome];
      if (next) await this.deliverables.transition(manager, ctx, round.deliverableId, next);
      const after = await manager.findOneByOrFail(ReviewRound, { id: roundId });
      await this.audit.record(manager, ctx, { entity: 'review_round', entityId: roundId, action: 'close', before: { status: before.status }, after: { status: after.status, outcome, note: after.outcomeNote } });
      return after;
    });
  }

  /** The secretariat's response and decision on one comment (also after the round closed). */
  async respond(ctx: RequestContext, input: RespondToCommentInput): Promise<ReviewComment> {
    const comment = await this.dataSource.getRepository(ReviewComment).findOneBy({ id: input.commentId });
    if (!comment) throw new NotFoundError('ReviewComment', input.commentId);
    const { round } = await this.get(ctx, comment.roundId);
    await this.deliverables.get(ctx, round.deliverableId, 'manage');
    const response = input.response.trim();
    if (!response) throw new BadInputError('reviews.decisionNeedsResponse');
    return inTransaction(this.dataSource, async (manager) => {
      const before = await manager.findOneOrFail(ReviewComment, { where: { id: comment.id }, lock: { mode: 'pessimistic_write' } });
      await manager.update(ReviewComment, { id: comment.id }, { response, decision: input.decision, respondedBy: ctx.actor?.personId ?? null, respondedAt: new Date() });
      const after = await manager.findOneByOrFail(ReviewComment, { id: comment.id });
      await this.audit.record(manager, ctx, {
        entity: 'review_comment',
        entityId: comment.id,
        action: 'respond',
        before: { response: before.response, decision: before.decision },
        after: { response, decision: input.decision },
      });
      return after;
    });
  }

  // ---------------------------------------------------------------- matrix

  /** The consolidated comment matrix of a round (secretariat and commissioners). */
  async matrix(ctx: RequestContext, roundId: string): Promise<{ round: ReviewRound; deliverable: Deliverable; versionNumber: number; rows: CommentMatrixRow[] }> {
    const { round, deliverable } = await this.get(ctx, roundId);
    const v = await this.deliverables.visibility(ctx, deliverable.commissionId);
    if (!v.manage && !v.oversee) throw new ForbiddenError();
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT c.number, coalesce(o.name, '') AS organisation, p.full_name AS reviewer, c.anchor_kind, c.anchor, c.body,
              c.proposed_wording, c.response, c.decision
         FROM review_comment c
         JOIN review_reviewer rr ON rr.round_id = c.round_id AND rr.person_id = c.person_id
         JOIN person p ON p.id = c.person_id
         LEFT JOIN organisation o ON o.id = rr.organisation_id
        WHERE c.round_id = $1
        ORDER BY c.number`,
      [roundId],
    );
    const [{ number }] = await this.dataSource.query(`SELECT number FROM document_version WHERE id = $1`, [round.versionId]);
    return {
      round,
      deliverable,
      versionNumber: number,
      rows: rows.map((r) => ({
        number: r.number as number,
        organisation: r.organisation as string,
        reviewer: r.reviewer as string,
        anchorKind: r.anchor_kind as AnchorKind,
        anchor: (r.anchor as string) ?? null,
        comment: r.body as string,
        proposedWording: (r.proposed_wording as string) ?? null,
        response: (r.response as string) ?? null,
        decision: (r.decision as CommentDecision) ?? null,
      })),
    };
  }
}
