import { TestApp, startTestApp } from '../harness/test-app';
import { ok } from '../harness/structure-fixtures';
import { CREATE_MEETING, GroupFixture, groupWithMembers } from '../harness/meeting-fixtures';

/**
 * Issue 16, items 3 and 7: strict date-times (no 30 February rolled over to
 * 2 March, no bare date taken for midnight UTC, a time without an offset read
 * in the meeting's own time zone on both sides of a DST change), strict dates,
 * and attendance only once a meeting has begun.
 */
describe('meetings: strict times and dates, attendance after the start', () => {
  let t: TestApp;
  let g: GroupFixture;

  beforeAll(async () => {
    t = await startTestApp();
    g = await groupWithMembers(t);
  });
  afterAll(() => t?.close());

  const create = (input: Record<string, unknown>, language = 'en') =>
    t.gql(CREATE_MEETING, { input: { workingGroupId: g.groupId, title: 'Tidsprov', timeZone: 'Europe/Stockholm', inviteMembers: false, ...input } }, { token: g.secretariat.token, headers: { 'accept-language': language } });
  const startOf = async (id: string) => (await ok(t, g.secretariat.token, `query($id: ID!) { meeting(id: $id) { startsAt endsAt } }`, { id })).meeting;
  const meetingsTitled = async (title: string) => Number((await t.db.query(`SELECT count(*) AS n FROM meeting WHERE title = $1`, [title]))[0].n);

  it('refuses an impossible day with BAD_USER_INPUT and a whole sentence in sv, da and en (was stored as 2 March)', async () => {
    const texts: Record<string, string> = {
      sv: 'Datumet 2027-02-30 i startsAt finns inte i kalendern.',
      da: 'Datoen 2027-02-30 i startsAt findes ikke i kalenderen.',
      en: 'The date 2027-02-30 in startsAt does not exist in the calendar.',
    };
    for (const [language, text] of Object.entries(texts)) {
      const result = await create({ title: 'Den 30 februari', startsAt: '2027-02-30T10:00:00Z', endsAt: '2027-03-02T12:00:00Z' }, language);
      expect(result.errors?.[0]).toMatchObject({ message: text, extensions: { code: 'BAD_USER_INPUT' } });
    }
    for (const startsAt of ['2027-04-31T10:00:00+02:00', '2027-02-29T10:00', '2027-13-01T10:00:00Z', '2027-03-01T24:00:00Z', '2027-03-01T10:60:00Z']) {
      const result = await create({ title: 'Den 30 februari', startsAt, endsAt: '2027-05-02T12:00:00Z' });
      expect({ startsAt, code: result.errors?.[0].extensions.code }).toEqual({ startsAt, code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0].message).toMatch(/startsAt/);
    }
    // Written inline in the document rather than as a variable: the same refusal.
    const inline = await t.gql(
      `mutation { createMeeting(input: { workingGroupId: "${g.groupId}", title: "Den 30 februari", timeZone: "Europe/Stockholm", startsAt: "2027-02-30T10:00:00Z", endsAt: "2027-03-02T12:00:00Z", inviteMembers: false }) { meeting { id } } }`,
      {},
      { token: g.secretariat.token, headers: { 'accept-language': 'en' } },
    );
    expect(inline.errors?.[0]).toMatchObject({ message: texts.en, extensions: { code: 'BAD_USER_INPUT' } });
    expect(await meetingsTitled('Den 30 februari')).toBe(0);
  });

  it('refuses a bare date and text that is no time, naming the field (a bare date was midnight UTC)', async () => {
    const bare = await create({ title: 'Bara datum', startsAt: '2027-03-01', endsAt: '2027-03-01T12:00:00Z' }, 'sv');
    expect(bare.errors?.[0]).toMatchObject({ message: 'startsAt behöver ett klockslag och inte bara datumet 2027-03-01, till exempel 2027-03-01T10:00.', extensions: { code: 'BAD_USER_INPUT' } });
    for (const endsAt of ['1700000000000', '2027-03-01 12:00:00Z', 'tomorrow', '']) {
      const result = await create({ title: 'Bara datum', startsAt: '2027-03-01T10:00:00Z', endsAt }, 'da');
      expect({ endsAt, code: result.errors?.[0].extensions.code }).toEqual({ endsAt, code: 'BAD_USER_INPUT' });
      expect(result.errors?.[0].message).toMatch(/^endsAt skal være en dato med klokkeslæt/);
    }
    const number = await create({ title: 'Bara datum', startsAt: 1700000000000, endsAt: '2027-03-01T12:00:00Z' });
    expect(number.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await meetingsTitled('Bara datum')).toBe(0);
  });

  it('reads a time without an offset in the meeting’s time zone, on both sides of the spring and autumn changes', async () => {
    // Stockholm: +01:00 until 28 March 2027 02:00, +02:00 until 31 October 2027 03:00, then +01:00.
    const cases: [string, string][] = [
      ['2027-03-27T10:00', '2027-03-27T09:00:00.000Z'],
      ['2027-03-29T10:00', '2027-03-29T08:00:00.000Z'],
      ['2027-10-30T10:00:00', '2027-10-30T08:00:00.000Z'],
      ['2027-11-01T10:00:00', '2027-11-01T09:00:00.000Z'],
    ];
    for (const [local, utc] of cases) {
      const end = local.replace('T10:00', 'T12:00');
      const data = (await create({ title: `Lokal tid ${local}`, startsAt: local, endsAt: end })).data;
      expect(await startOf(data!.createMeeting.meeting.id)).toEqual({ startsAt: utc, endsAt: new Date(Date.parse(utc) + 2 * 3_600_000).toISOString() });
    }
    // The same wall-clock time in another zone is another instant.
    const london = (await create({ title: 'London', timeZone: 'Europe/London', startsAt: '2027-03-27T10:00', endsAt: '2027-03-27T12:00' })).data;
    expect((await startOf(london!.createMeeting.meeting.id)).startsAt).toBe('2027-03-27T10:00:00.000Z');
    // An offset, or Z, is taken as written.
    const offset = (await create({ title: 'Med offset', startsAt: '2027-03-29T10:00:00+01:00', endsAt: '2027-03-29T12:00:00Z' })).data;
    expect((await startOf(offset!.createMeeting.meeting.id)).startsAt).toBe('2027-03-29T09:00:00.000Z');
  });

  it('refuses the hour the clocks skip and asks for the offset in the hour they pass twice', async () => {
    const skipped = await create({ title: 'Sommartid', startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T04:00' });
    expect(skipped.errors?.[0]).toMatchObject({
      message: 'The time 2027-03-28T02:30 in startsAt does not exist in Europe/Stockholm: the clocks are put forward that night. Choose another time.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const twice = await create({ title: 'Sommartid', startsAt: '2027-10-31T02:30', endsAt: '2027-10-31T05:00' }, 'sv');
    expect(twice.errors?.[0]).toMatchObject({
      message: 'Klockslaget 2027-10-31T02:30 i startsAt inträffar två gånger i Europe/Stockholm: klockan ställs tillbaka den natten. Skriv det med förskjutning, 2027-10-31T02:30+02:00 eller 2027-10-31T02:30+01:00.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await meetingsTitled('Sommartid')).toBe(0);
    // With the offset the second 02:30 is one instant.
    const later = (await create({ title: 'Vintertid', startsAt: '2027-10-31T02:30+01:00', endsAt: '2027-10-31T05:00' })).data;
    expect((await startOf(later!.createMeeting.meeting.id)).startsAt).toBe('2027-10-31T01:30:00.000Z');
  });

  it('reads a moved meeting’s new time in its (new) zone, and refuses an impossible one leaving the meeting as it was', async () => {
    const created = (await create({ title: 'Flyttas', startsAt: '2027-03-01T10:00', endsAt: '2027-03-01T12:00' })).data!.createMeeting.meeting.id;
    const update = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { startsAt endsAt timeZone } } }`;
    const bad = await t.gql(update, { input: { id: created, startsAt: '2027-02-30T10:00' } }, { token: g.secretariat.token });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await startOf(created)).toEqual({ startsAt: '2027-03-01T09:00:00.000Z', endsAt: '2027-03-01T11:00:00.000Z' });
    const moved = await ok(t, g.secretariat.token, update, { input: { id: created, timeZone: 'Europe/London', startsAt: '2027-04-01T10:00', endsAt: '2027-04-01T12:00' } });
    expect(moved.updateMeeting.meeting).toEqual({ startsAt: '2027-04-01T09:00:00.000Z', endsAt: '2027-04-01T11:00:00.000Z', timeZone: 'Europe/London' });
  });

  it('reads date-poll options in the poll’s zone and refuses impossible ones', async () => {
    const poll = `mutation($input: CreateDatePollInput!) { createDatePoll(input: $input) { id } }`;
    const input = (options: { startsAt: string; endsAt: string }[]) => ({ input: { workingGroupId: g.groupId, title: 'Omröstning', timeZone: 'Europe/Copenhagen', options } });
    const bad = await t.gql(poll, input([{ startsAt: '2027-03-27T10:00', endsAt: '2027-03-27T12:00' }, { startsAt: '2027-03-29T10:00', endsAt: '2027-02-30T12:00' }]), { token: g.secretariat.token, headers: { 'accept-language': 'en' } });
    expect(bad.errors?.[0]).toMatchObject({ message: 'The date 2027-02-30 in options.1.endsAt does not exist in the calendar.', extensions: { code: 'BAD_USER_INPUT' } });
    const id = (await ok(t, g.secretariat.token, poll, input([{ startsAt: '2027-03-27T10:00', endsAt: '2027-03-27T12:00' }, { startsAt: '2027-03-29T10:00', endsAt: '2027-03-29T12:00' }]))).createDatePoll.id;
    const rows = await t.db.query(`SELECT starts_at FROM date_poll_option WHERE poll_id = $1 ORDER BY starts_at`, [id]);
    expect(rows.map((r: { starts_at: Date }) => r.starts_at.toISOString())).toEqual(['2027-03-27T09:00:00.000Z', '2027-03-29T08:00:00.000Z']);
  });

  it('asks for an offset where no meeting gives a zone (meetingList from)', async () => {
    const list = `query($from: DateTime) { meetingList(from: $from, first: 5) { totalCount } }`;
    const local = await t.gql(list, { from: '2027-03-01T10:00' }, { token: g.secretariat.token, headers: { 'accept-language': 'en' } });
    expect(local.errors?.[0]).toMatchObject({
      message: 'from needs a UTC offset, such as 2027-03-01T10:00Z or 2027-03-01T10:00+01:00, because no time zone follows from the request.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await t.gql(list, { from: '2027-02-29T10:00:00Z' }, { token: g.secretariat.token })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await ok(t, g.secretariat.token, list, { from: '2027-03-01T10:00:00Z' })).meetingList.totalCount).toBeGreaterThan(0);
  });

  it('refuses an impossible YYYY-MM-DD date with a whole sentence (dates of every area share the check)', async () => {
    const meetingId = (await create({ title: 'Protokoll', startsAt: '2027-03-01T10:00', endsAt: '2027-03-01T12:00' })).data!.createMeeting.meeting.id;
    const save = `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { id } }`;
    const input = { meetingId, body: 'x', actionItems: [{ title: 'Skriv', dueOn: '2027-02-30' }] };
    const texts: Record<string, string> = {
      sv: 'Datumet 2027-02-30 i actionItems.0.dueOn finns inte i kalendern.',
      da: 'Datoen 2027-02-30 i actionItems.0.dueOn findes ikke i kalenderen.',
      en: 'The date 2027-02-30 in actionItems.0.dueOn does not exist in the calendar.',
    };
    for (const [language, text] of Object.entries(texts)) {
      const result = await t.gql(save, { input }, { token: g.secretariat.token, headers: { 'accept-language': language } });
      expect(result.errors?.[0]).toMatchObject({ message: text, extensions: { code: 'BAD_USER_INPUT' } });
    }
    const written = await t.gql(save, { input: { ...input, actionItems: [{ title: 'Skriv', dueOn: '1.3.2027' }] } }, { token: g.secretariat.token, headers: { 'accept-language': 'en' } });
    expect(written.errors?.[0].message).toBe('actionItems.0.dueOn must be a date written YYYY-MM-DD, such as 2027-03-01; “1.3.2027” is not one.');
    // Another area's date input, through the same validation.
    const appoint = await t.gql(`mutation($input: AppointInput!) { appoint(input: $input) { id } }`, { input: { seatId: g.groupId, personId: g.members[0].id, startsOn: '2027-04-31' } }, { token: g.secretariat.token, headers: { 'accept-language': 'en' } });
    expect(appoint.errors?.[0]).toMatchObject({ message: 'The date 2027-04-31 in startsOn does not exist in the calendar.', extensions: { code: 'BAD_USER_INPUT' } });
    const [{ n }] = await t.db.query(`SELECT count(*) AS n FROM minutes WHERE meeting_id = $1`, [meetingId]);
    expect(Number(n)).toBe(0);
  });

  it('records attendance only once the meeting has begun (was accepted two weeks ahead)', async () => {
    const attendance = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendance } }`;
    const ahead = new Date(Date.now() + 14 * 86_400_000);
    const future = (await create({ title: 'Om två veckor', inviteMembers: true, startsAt: ahead.toISOString(), endsAt: new Date(ahead.getTime() + 7_200_000).toISOString() })).data!.createMeeting.meeting.id;
    const entries = [{ personId: g.members[0].id, attendance: 'PRESENT' }];
    const texts: Record<string, string> = {
      sv: 'Närvaron kan föras först när mötet har börjat.',
      da: 'Fremmødet kan først registreres, når mødet er begyndt.',
      en: 'Attendance can be recorded only once the meeting has begun.',
    };
    for (const [language, text] of Object.entries(texts)) {
      const refused = await t.gql(attendance, { input: { meetingId: future, entries } }, { token: g.secretariat.token, headers: { 'accept-language': language } });
      expect(refused.errors?.[0]).toMatchObject({ message: text, extensions: { code: 'BAD_USER_INPUT' } });
    }
    const [{ attendance: stored }] = await t.db.query(`SELECT attendance FROM invitation WHERE meeting_id = $1 AND person_id = $2`, [future, g.members[0].id]);
    expect(stored).not.toBe('present');

    // A meeting that began a minute ago takes attendance.
    const begun = (await create({ title: 'Har börjat', inviteMembers: true, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() })).data!.createMeeting.meeting.id;
    expect((await ok(t, g.secretariat.token, attendance, { input: { meetingId: begun, entries } })).recordAttendance).toEqual([{ attendance: 'PRESENT' }]);
  });
});
