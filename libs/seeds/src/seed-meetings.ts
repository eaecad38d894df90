import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { RequestContext } from '@samverkan/core';
import {
  AttendanceService,
  CreateDatePollInput,
  CreateMeetingInput,
  DatePollsService,
  MeetingKind,
  MeetingsService,
  MinutesService,
  RecordAttendanceInput,
  SaveMinutesInput,
} from '@samverkan/meetings';
import { COMMISSIONS, NGC_GROUP_NAME } from './seed-data';

/**
 * The meetings the seed texts describe, loaded through the meetings services:
 * - 003 (NGC): the working group's meetings — one held three weeks ago with
 *   attendance and approved minutes (an open action item is carried on), the
 *   next one in two weeks, and a date poll for the one after;
 * - 001: the stakeholder dialogues and the workshop of autumn 2022 ("Under hösten
 *   2022 … workshopen i höst"); the texts give no days, so the dates are illustrative;
 * - 000: the open webinar presenting the report "under augusti" 2024 (the day is illustrative).
 * NGC dates are relative to the day of seeding, so the demo always has a past and a next meeting.
 */
@Injectable()
export class MeetingsSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly attendance: AttendanceService,
    private readonly minutes: MinutesService,
    private readonly polls: DatePollsService,
  ) {}

  async seed(base: RequestContext, person: (key: string) => string): Promise<Record<string, number>> {
    const counts = { meetings: 0, agendaItems: 0, minutes: 0, datePolls: 0 };
    // A fresh context per call (DataLoaders cache per context), acting as the given person with the admin's rights.
    const as = (key?: string) => {
      const ctx = RequestContext.system(base.requestId);
      ctx.actor = { ...base.actor!, ...(key ? { personId: person(key) } : {}), isAdmin: true };
      return ctx;
    };
    const schedule = async (ctx: RequestContext, plain: Record<string, unknown>) => {
      // The defaults GraphQL would fill in.
      const agenda = ((plain.agenda ?? []) as Record<string, unknown>[]).map((item) => ({ decisionExpected: false, durationMinutes: 0, ...item }));
      const input = await checked(CreateMeetingInput, { isOpen: false, waitlistOpen: true, guestIds: [], inviteMembers: true, kind: MeetingKind.MEETING, ...plain, agenda });
      const { meeting } = await this.meetings.create(ctx, input);
      counts.meetings++;
      counts.agendaItems += input.agenda.length;
      return meeting;
    };

    // 003: the NGC working group.
    const ngcCommission = await this.commissionId('003');
    const ngcGroup = await this.groupId(ngcCommission, NGC_GROUP_NAME);
    const secretariat = () => as('ngc-secretariat');
    const copenhagen = (days: number, hour: number) => DateTime.now().setZone('Europe/Copenhagen').plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
    const held = copenhagen(-21, 13);
    const past = await schedule(secretariat(), {
      workingGroupId: ngcGroup,
      title: 'Arbejdsgruppemøde',
      startsAt: held.toJSDate(),
      endsAt: held.plus({ hours: 2 }).toJSDate(),
      timeZone: 'Europe/Copenhagen',
      place: 'Nationalt Genom Center, København',
      agenda: [
        { title: 'Godkendelse af dagsorden', durationMinutes: 5 },
        { title: 'Kortlægning af nuværende dækning og fremtidigt behov for kompetencer (formål a)', durationMinutes: 45, decisionExpected: true },
        { title: 'Eksisterende uddannelser, efteruddannelser og kurser (formål b)', durationMinutes: 40 },
        { title: 'Internationale erfaringer, bl.a. Genomics England', durationMinutes: 20 },
        { title: 'Eventuelt', durationMinutes: 10 },
      ],
    });
    const agenda = await this.meetings.agendaOf(secretariat(), past.id);
    const invitations = await this.meetings.invitationsOf(secretariat(), past.id);
    const absent = new Set([person('rn-1'), person('dsr-1')]);
    const attendance = await checked(RecordAttendanceInput, {
      meetingId: past.id,
      entries: invitations
        .filter((i) => i.role !== 'substitute')
        .map((i) =>
          i.personId === person('rm-1')
            ? { personId: i.personId, attendance: 'substituted', substitutedByPersonId: person('rm-alt') }
            : { personId: i.personId, attendance: absent.has(i.personId) ? 'apologies' : 'present' },
        ),
    });
    await this.attendance.record(secretariat(), attendance);
    const saved = await this.minutes.save(
      secretariat(),
      await checked(SaveMinutesInput, {
        meetingId: past.id,
        body: 'Formanden bød velkommen. Dagsordenen blev godkendt.',
        notes: [{ agendaItemId: agenda[1].id, text: 'Sekretariatet fremlagde udkast til kortlægning af kapacitet og kompetencer blandt specialiseret og klinisk sundhedspersonale.' }],
        decisions: [
          { agendaItemId: agenda[1].id, text: 'Udkastet til kortlægning godkendes med de bemærkninger, der kom på mødet.' },
          { agendaItemId: agenda[2].id, text: 'Sekretariatet indhenter en oversigt over eksisterende kurser fra universiteterne og professionshøjskolerne.' },
        ],
        actionItems: [
          { agendaItemId: agenda[2].id, title: 'Indhente oversigt over eksisterende kurser og e-læringsmoduler', assigneePersonId: person('ngc-secretariat'), dueOn: held.plus({ days: 28 }).toISODate() },
          { agendaItemId: agenda[3].id, title: 'Kontakte Genomics England om erfaringer med efteruddannelse', assigneePersonId: person('ngc-chair') },
        ],
        conflictsOfInterest: [{ agendaItemId: agenda[2].id, personId: person('ku-1'), reason: 'Underviser selv på et af de kurser, der blev drøftet.', leftRoom: false }],
      }),
    );
    await this.minutes.sendForApproval(secretariat(), { minutesId: saved.id, adjusterIds: [person('ngc-chair'), person('sst-member')] });
    await this.minutes.approve(as('ngc-chair'), saved.id);
    await this.minutes.approve(as('sst-member'), saved.id);
    counts.minutes++;

    const next = copenhagen(14, 10);
    await schedule(secretariat(), {
      workingGroupId: ngcGroup,
      title: 'Arbejdsgruppemøde',
      startsAt: next.toJSDate(),
      endsAt: next.plus({ hours: 2 }).toJSDate(),
      timeZone: 'Europe/Copenhagen',
      place: 'Nationalt Genom Center, København',
      onlineUrl: 'https://meet.example.org/ngc-arbejdsgruppe',
      agenda: [
        { title: 'Godkendelse af dagsorden og referat', durationMinutes: 5 },
        { title: 'Opfølgning på handlingspunkter', durationMinutes: 15 },
        { title: 'Forslag til programmer og indsatser på centralt og lokalt niveau (formål c)', durationMinutes: 70, decisionExpected: true },
        { title: 'Status til bestyrelsen', durationMinutes: 20 },
        { title: 'Eventuelt', durationMinutes: 10 },
      ],
    });
    const options = [35, 37, 42].map((days) => {
      const start = copenhagen(days, 13);
      return { startsAt: start.toJSDate(), endsAt: start.plus({ hours: 2 }).toJSDate() };
    });
    await this.polls.create(
      secretariat(),
      await checked(CreateDatePollInput, { workingGroupId: ngcGroup, title: 'Arbejdsgruppemøde', kind: MeetingKind.MEETING, timeZone: 'Europe/Copenhagen', place: 'Nationalt Genom Center, København', options }),
    );
    counts.datePolls++;

    // 001: stakeholder dialogues and the autumn 2022 workshop.
    const mynak = await this.commissionId('001');
    const dialogueGroup = await this.groupId(mynak, 'Dialog och workshop med berörda aktörer (hösten 2022)');
    const admin = () => as();
    const stockholm = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Stockholm' });
    const analysts = [person('pinar'), person('mikael')];
    for (const [date, partner] of [
      ['2022-09-14', 'Sveriges Företagshälsor'],
      ['2022-09-28', 'Företagsläkarföreningen'],
      ['2022-10-12', 'representanter för AMM-kliniker och företagshälsobolag'],
    ] as const) {
      const start = stockholm(date, '10:00');
      await schedule(admin(), {
        workingGroupId: dialogueGroup,
        kind: MeetingKind.DIALOGUE,
        title: `Dialog med ${partner}`,
        description: 'Hur kan ett gemensamt arbete med företagshälsovårdens kompetensförsörjning avseende läkare organiseras och starta i gång? (Datumet är illustrativt.)',
        startsAt: start.toJSDate(),
        endsAt: start.plus({ minutes: 90 }).toJSDate(),
        timeZone: 'Europe/Stockholm',
        onlineUrl: 'https://meet.example.org/mynak-dialog',
        guestIds: analysts,
        agenda: [
          { title: 'Förutsättningar, utmaningar och möjligheter', durationMinutes: 45 },
          { title: 'Behövs nya nätverk, eller kan befintliga nätverk användas?', durationMinutes: 45 },
        ],
      });
    }
    const workshop = stockholm('2022-11-10', '09:30');
    await schedule(admin(), {
      workingGroupId: dialogueGroup,
      kind: MeetingKind.WORKSHOP,
      title: 'Workshop: samordning av företagshälsovårdens kompetensförsörjning avseende läkare',
      description: 'Workshopen ska bana vägen för en samsyn och ett gemensamt arbete mellan berörda aktörer. (Datumet är illustrativt.)',
      startsAt: workshop.toJSDate(),
      endsAt: workshop.set({ hour: 15, minute: 0 }).toJSDate(),
      timeZone: 'Europe/Stockholm',
      place: 'Myndigheten för arbetsmiljökunskap, Gävle',
      guestIds: analysts,
      agenda: [
        { title: 'Inledning: uppdraget och vad som hänt hittills', durationMinutes: 30, presenterPersonId: person('pinar') },
        { title: 'Kartläggning av befintliga nätverk för kompetensförsörjning', durationMinutes: 60, presenterPersonId: person('mikael') },
        { title: 'Gruppdiskussioner: hur organiseras ett gemensamt arbete?', durationMinutes: 120 },
        { title: 'Sammanfattning och fortsatt arbete fram till rapporten i februari 2023', durationMinutes: 30 },
      ],
    });

    // 000: the open webinar presenting the report on competence needs.
    const atmp = await this.commissionId('000');
    const atmpGroup = await this.groupId(atmp, 'Utbildning och kompetensförsörjning');
    const webinar = stockholm('2024-08-27', '13:00');
    await schedule(admin(), {
      workingGroupId: atmpGroup,
      kind: MeetingKind.WEBINAR,
      title: 'Webbinarium: Kompetensbehov och utbildning inom ATMP',
      description: 'Rapportens innehåll och slutsatser presenteras: rekryteringsbehov, efterfrågad kompetens, utbildningar och utmaningar. Öppet för alla. (Dagen är illustrativ; texten säger "under augusti".)',
      startsAt: webinar.toJSDate(),
      endsAt: webinar.plus({ hours: 1 }).toJSDate(),
      timeZone: 'Europe/Stockholm',
      onlineUrl: 'https://webinar.example.org/atmp2030-kompetensbehov',
      isOpen: true,
      capacity: 150,
      inviteMembers: false,
      agenda: [
        { title: 'Rekryteringsbehovet i Sverige inom ATMP-fältet', durationMinutes: 15 },
        { title: 'Vilka kompetenser efterfrågas?', durationMinutes: 15 },
        { title: 'Utbildningar i dag och under planering', durationMinutes: 15 },
        { title: 'Frågor', durationMinutes: 15 },
      ],
    });
    return counts;
  }

  private async commissionId(key: string): Promise<string> {
    const title = COMMISSIONS.find((c) => c.key === key)!.title;
    const [row]: { id: string }[] = await this.dataSource.query(`SELECT id FROM commission WHERE title = $1 ORDER BY created_at DESC LIMIT 1`, [title]);
    return row.id;
  }

  private async groupId(commissionId: string, name: string): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(`SELECT id FROM working_group WHERE commission_id = $1 AND name = $2`, [commissionId, name]);
    return row.id;
  }
}

async function checked<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance);
  if (errors.length) throw new Error(`seed data is not a valid ${type.name}: ${JSON.stringify(errors.map((e) => e.toString()))}`);
  return instance;
}

