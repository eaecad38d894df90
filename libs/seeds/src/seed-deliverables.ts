import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import {
  AnchorKind,
  ChangeDeliverableDeadlineInput,
  CreateDeliverableInput,
  DeliverableKind,
  DeliverableStatus,
  DeliverablesService,
  DocumentsService,
  OpenReviewRoundInput,
  ReviewCommentInput,
  ReviewVerdict,
  ReviewsService,
} from '@samverkan/deliverables';
import { RequestContext } from '@samverkan/core';
import { COMMISSIONS, NGC_GROUP_NAME, NIL_SESSION } from './seed-data';

/** A date from the seed texts, or days from today (for demo deliverables that are still open). */
type When = string | { daysFromToday: number };

interface DeliverableSeed {
  commission: '000' | '001' | '002' | '003';
  /** Working group by name; none for the commission's own deliverable. */
  group?: string;
  title: string;
  kind: DeliverableKind;
  dueOn: When;
  /** Person by e-mail or full name. */
  responsible?: string;
  goals?: string[];
  objectives?: string[];
  /** Walked through the workflow from planned. */
  status: DeliverableStatus;
  deliveredOn?: string;
  publishedUrl?: string;
  deadlineChange?: { to: When; reason: string };
  /** A first draft uploaded as version 1. */
  draft?: { filename: string; text: string };
  /** A review round on the draft (which moves the deliverable to "in review"), with the answers given so far. */
  reviewRound?: {
    /** Reviewers by e-mail. */
    reviewers: string[];
    daysToDeadline: number;
    message: string;
    answers: { reviewer: string; verdict: ReviewVerdict; summary: string; comments: { anchorKind: AnchorKind; anchor?: string; body: string; proposedWording?: string }[] }[];
  };
}

const PATH: Record<DeliverableStatus, DeliverableStatus[]> = {
  planned: [],
  in_progress: [DeliverableStatus.IN_PROGRESS],
  in_review: [DeliverableStatus.IN_PROGRESS, DeliverableStatus.IN_REVIEW],
  approved: [DeliverableStatus.IN_PROGRESS, DeliverableStatus.IN_REVIEW, DeliverableStatus.APPROVED],
  delivered: [DeliverableStatus.IN_PROGRESS, DeliverableStatus.IN_REVIEW, DeliverableStatus.APPROVED, DeliverableStatus.DELIVERED],
  cancelled: [DeliverableStatus.CANCELLED],
};

/**
 * The deliverables of the four seed situations. Dates come from the texts where
 * they give one (001: report to the government in February 2023; 000: report
 * published 2024-06-20); the others are demo dates relative to today, so the
 * demo shows open work, an at-risk item and reminders.
 */
export const DELIVERABLES: DeliverableSeed[] = [
  // 003: "Udvikle forslag til konkrete programmer og indsatser" (kommissorium c).
  {
    commission: '003',
    group: NGC_GROUP_NAME,
    title: 'Forslag til konkrete programmer og indsatser for (efter)uddannelse og kompetenceudvikling',
    kind: DeliverableKind.PROPOSAL,
    dueOn: { daysFromToday: 40 },
    responsible: 'secretariat@demo.samverkan.test',
    objectives: ['c'],
    status: DeliverableStatus.IN_PROGRESS,
    deadlineChange: { to: { daysFromToday: 60 }, reason: 'Bestyrelsesmødet er flyttet; arbejdsgruppen får tid til en ekstra høringsrunde.' },
    draft: {
      filename: 'forslag-programmer-udkast-1.txt',
      text: 'Udkast 1: forslag til programmer og indsatser på centralt og lokalt niveau (kortere kurser, e-læring, master- og diplomprogrammer).\n',
    },
    // The working group reviews the first draft; the Sundhedsstyrelsen member has answered, the chair not yet.
    reviewRound: {
      reviewers: ['chair@demo.samverkan.test', 'member@demo.samverkan.test'],
      daysToDeadline: 14,
      message: 'Kommentér venligst udkastet, især afsnit 2 om de lokale indsatser.',
      answers: [
        {
          reviewer: 'member@demo.samverkan.test',
          verdict: ReviewVerdict.REQUEST_CHANGES,
          summary: 'Godt udkast; e-læringen bør kobles til de eksisterende diplomuddannelser.',
          comments: [
            {
              anchorKind: AnchorKind.SECTION,
              anchor: '2.1',
              body: 'Kortere kurser alene dækker ikke behovet for ledere i regionerne.',
              proposedWording: 'Kortere kurser suppleres med et diplommodul i ledelse af genomisk medicin.',
            },
            { anchorKind: AnchorKind.GENERAL, body: 'Angiv gerne et skøn over antallet af deltagere pr. år.' },
          ],
        },
      ],
    },
  },
  {
    commission: '003',
    group: NGC_GROUP_NAME,
    title: 'Afdækning af kapacitet og kompetencer og af eksisterende (efter)uddannelser',
    kind: DeliverableKind.INTERIM_REPORT,
    dueOn: { daysFromToday: 10 },
    responsible: 'chair@demo.samverkan.test',
    objectives: ['a', 'b'],
    status: DeliverableStatus.IN_REVIEW,
  },
  // 001: "en rapport som lämnas till regeringen i februari 2023", and the planned mapping of networks.
  {
    commission: '001',
    title: 'Rapport till regeringen: samordning av företagshälsovårdens kompetensförsörjning avseende läkare',
    kind: DeliverableKind.FINAL_REPORT,
    dueOn: '2023-02-28',
    responsible: 'Pinar Aslan Akay',
    status: DeliverableStatus.DELIVERED,
    // The text gives the month only; taken as delivered on the last day of it.
    deliveredOn: '2023-02-28',
  },
  {
    commission: '001',
    group: 'Dialog och workshop med berörda aktörer (hösten 2022)',
    title: 'Kartläggning av befintliga nätverk för kompetensförsörjning inom företagshälsovården',
    kind: DeliverableKind.DATASET,
    // Part of what the report describes, so due with it.
    dueOn: '2023-02-28',
    responsible: 'Mikael Nilsson',
    status: DeliverableStatus.DELIVERED,
    deliveredOn: '2023-02-28',
  },
  // 002: the working groups' deliverables, collected and published.
  {
    commission: '002',
    group: 'Hälsodata',
    title: 'Förslag på aktiviteter för ökat nyttjande av hälsodata för forskning och innovation',
    kind: DeliverableKind.PROPOSAL,
    dueOn: { daysFromToday: 90 },
    responsible: 'johan.fiktivsson@demo.samverkan.test',
    goals: ['2.2'],
    status: DeliverableStatus.IN_PROGRESS,
  },
  {
    commission: '002',
    group: 'Precisionsmedicin',
    title: 'Underlag för införande av precisionsmedicin i vården',
    kind: DeliverableKind.REPORT,
    dueOn: { daysFromToday: 120 },
    responsible: 'sara.exempelsson@demo.samverkan.test',
    goals: ['4.4'],
    status: DeliverableStatus.PLANNED,
  },
  {
    commission: '002',
    group: 'Krishantering och resiliens',
    title: 'Lärdomar från pandemin: vårdens och omsorgens förmåga att hantera kommande kriser',
    kind: DeliverableKind.REPORT,
    dueOn: { daysFromToday: -60 },
    responsible: 'erik.provsson@demo.samverkan.test',
    status: DeliverableStatus.DELIVERED,
  },
  // 000: "Kompetensbehov och utbildning inom ATMP", published 2024-06-20.
  {
    commission: '000',
    group: 'Utbildning och kompetensförsörjning',
    title: 'Kompetensbehov och utbildning inom ATMP',
    kind: DeliverableKind.REPORT,
    dueOn: '2024-06-20',
    objectives: ['a'],
    status: DeliverableStatus.DELIVERED,
    deliveredOn: '2024-06-20',
  },
];

/** Loads DELIVERABLES through the deliverables services (so each row is checked and audited). */
@Injectable()
export class DeliverablesSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliverables: DeliverablesService,
    private readonly documents: DocumentsService,
    private readonly reviews: ReviewsService,
  ) {}

  async seed(ctx: () => RequestContext): Promise<{ deliverables: number; deadlineChanges: number; documentVersions: number; reviewRounds: number }> {
    const counts = { deliverables: 0, deadlineChanges: 0, documentVersions: 0, reviewRounds: 0 };
    for (const seed of DELIVERABLES) {
      const commission = COMMISSIONS.find((c) => c.key === seed.commission)!;
      // The newest commission of that title: the one this run created.
      const [row]: { id: string; strategy_id: string | null; time_zone: string }[] = await this.dataSource.query(
        `SELECT id, strategy_id, time_zone FROM commission WHERE title = $1 ORDER BY created_at DESC, id LIMIT 1`,
        [commission.title],
      );
      if (!row) throw new Error(`seed data: commission ${seed.commission} is not loaded`);
      const groupId = seed.group ? await this.one(`SELECT id FROM working_group WHERE commission_id = $1 AND name = $2`, [row.id, seed.group], `group ${seed.group}`) : undefined;
      const responsiblePersonId = seed.responsible
        ? await this.one(`SELECT id FROM person WHERE lower(email) = lower($1) OR (email IS NULL AND full_name = $1) ORDER BY created_at LIMIT 1`, [seed.responsible], `person ${seed.responsible}`)
        : undefined;
      const goalIds = [];
      for (const code of seed.goals ?? []) goalIds.push(await this.one(`SELECT id FROM goal WHERE strategy_id = $1 AND code = $2`, [row.strategy_id, code], `goal ${code}`));
      const objectiveIds = [];
      for (const letter of seed.objectives ?? []) objectiveIds.push(await this.one(`SELECT id FROM commission_objective WHERE commission_id = $1 AND letter = $2`, [row.id, letter], `objective ${letter}`));
      const input = await checked(CreateDeliverableInput, {
        commissionId: row.id,
        workingGroupId: groupId,
        title: seed.title,
        kind: seed.kind,
        dueOn: resolve(seed.dueOn, row.time_zone),
        responsiblePersonId,
        goalIds,
        objectiveIds,
      });
      const deliverable = await this.deliverables.create(ctx(), input);
      counts.deliverables++;
      if (seed.deadlineChange) {
        const change = await checked(ChangeDeliverableDeadlineInput, { deliverableId: deliverable.id, newDueOn: resolve(seed.deadlineChange.to, row.time_zone), reason: seed.deadlineChange.reason });
        await this.deliverables.changeDeadline(ctx(), change);
        counts.deadlineChanges++;
      }
      const draft = seed.draft
        ? await this.documents.upload(ctx(), deliverable.id, { buffer: Buffer.from(seed.draft.text, 'utf8'), originalname: seed.draft.filename }, 'Udkast')
        : undefined;
      if (draft) counts.documentVersions++;
      for (const status of PATH[seed.status]) {
        const deliveredOn = status === DeliverableStatus.DELIVERED ? (seed.deliveredOn ?? resolve(seed.dueOn, row.time_zone)) : undefined;
        await this.deliverables.changeStatus(ctx(), deliverable.id, status, { deliveredOn });
      }
      if (seed.reviewRound && draft) {
        await this.seedReviewRound(ctx, seed.reviewRound, draft.id, row.time_zone);
        counts.reviewRounds++;
      }
    }
    return counts;
  }

  /** Opens the round as the seeding actor, then answers as each reviewer would (their own context, as after signing in). */
  private async seedReviewRound(ctx: () => RequestContext, seed: NonNullable<DeliverableSeed['reviewRound']>, versionId: string, timeZone: string): Promise<void> {
    const reviewers: { personId: string; accountId: string }[] = [];
    for (const email of seed.reviewers) {
      const [found]: { person_id: string; account_id: string }[] = await this.dataSource.query(
        `SELECT p.id AS person_id, a.id AS account_id FROM person p JOIN account a ON a.person_id = p.id WHERE lower(p.email) = lower($1)`,
        [email],
      );
      if (!found) throw new Error(`seed data: no login for reviewer ${email}`);
      reviewers.push({ personId: found.person_id, accountId: found.account_id });
    }
    const input = await checked(OpenReviewRoundInput, {
      versionId,
      deadline: resolve({ daysFromToday: seed.daysToDeadline }, timeZone),
      reviewerIds: reviewers.map((r) => r.personId),
      message: seed.message,
    });
    const round = await this.reviews.open(ctx(), input);
    for (const answer of seed.answers) {
      const reviewer = reviewers[seed.reviewers.indexOf(answer.reviewer)];
      if (!reviewer) throw new Error(`seed data: ${answer.reviewer} answers but is not a reviewer`);
      const comments = [];
      for (const comment of answer.comments) comments.push(await checked(ReviewCommentInput, { ...comment }));
      const as = ctx();
      as.actor = { ...reviewer, sessionId: NIL_SESSION, isAdmin: false, locale: 'da' };
      await this.reviews.answer(as, round.id, { verdict: answer.verdict, summary: answer.summary, comments });
    }
  }

  private async one(sql: string, params: unknown[], what: string): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(sql, params);
    if (!row) throw new Error(`seed data: unknown ${what}`);
    return row.id;
  }
}

function resolve(when: When, timeZone: string): string {
  return typeof when === 'string' ? when : DateTime.now().setZone(timeZone).plus({ days: when.daysFromToday }).toISODate()!;
}

async function checked<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)));
  const errors = await validate(instance);
  if (errors.length) throw new Error(`seed data is not a valid ${type.name}: ${errors.map((e) => Object.values(e.constraints ?? {}).join(', ')).join('; ')}`);
  return instance;
}
