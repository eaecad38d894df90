import { DEMO_PASSWORD, SeedsModule, SeederService } from '@samverkan/seeds';
import { TestApp, startTestApp } from '../harness/test-app';
import { login } from '../harness/factories';
import { scaled } from '../harness/progress';

describe('meetings in the demo data', () => {
  let t: TestApp;
  let counts: Record<string, number>;

  beforeAll(async () => {
    t = await startTestApp({}, [SeedsModule]);
    counts = (await t.app.get(SeederService).seed({ ifEmpty: true })).counts;
  }, scaled(120_000));
  afterAll(() => t?.close());

  it('holds the NGC meetings (approved minutes, an action item carried on), 001’s autumn 2022 dialogues and workshop, and 000’s August webinar', async () => {
    expect(counts).toMatchObject({ meetings: 7, minutes: 1, datePolls: 1 });
    const admin = await login(t, 'admin@demo.samverkan.test', DEMO_PASSWORD);
    const list = await t.gql(`{ meetingList(first: 50) { edges { node { kind title startsAt timeZone isOpen capacity agendaMinutes
      minutes { status decisions { number } } carriedActionItems { title } invitations { role } } } } }`, {}, { token: admin });
    expect(list.errors).toBeUndefined();
    const meetings: { kind: string; title: string; startsAt: string; isOpen: boolean; capacity: number | null; minutes: { status: string; decisions: unknown[] } | null; carriedActionItems: { title: string }[]; invitations: unknown[] }[] =
      list.data!.meetingList.edges.map((e: { node: unknown }) => e.node);
    const byKind = (kind: string) => meetings.filter((m) => m.kind === kind);
    expect(byKind('DIALOGUE').map((m) => m.startsAt.slice(0, 7))).toEqual(['2022-09', '2022-09', '2022-10']);
    expect(byKind('WORKSHOP')).toHaveLength(1);
    expect(byKind('WORKSHOP')[0].startsAt.slice(0, 7)).toBe('2022-11');
    expect(byKind('WEBINAR')).toEqual([expect.objectContaining({ isOpen: true, capacity: 150 })]);
    expect(byKind('WEBINAR')[0].startsAt.slice(0, 7)).toBe('2024-08');
    const ngc = byKind('MEETING');
    expect(ngc).toHaveLength(2);
    expect(ngc[0].minutes).toMatchObject({ status: 'APPROVED', decisions: [{ number: 1 }, { number: 2 }] });
    expect(ngc[0].invitations.length).toBeGreaterThan(15);
    expect(ngc[1].carriedActionItems.map((a) => a.title)).toEqual([
      'Indhente oversigt over eksisterende kurser og e-læringsmoduler',
      'Kontakte Genomics England om erfaringer med efteruddannelse',
    ]);
    // The member login sees the next NGC meeting as an invitee.
    const member = await login(t, 'member@demo.samverkan.test', DEMO_PASSWORD);
    const mine = await t.gql(`{ meetingList(first: 10) { edges { node { title myInvitation { rsvp } } } } }`, {}, { token: member });
    expect(mine.data!.meetingList.edges.filter((e: { node: { myInvitation: unknown } }) => e.node.myInvitation)).toHaveLength(2);
  });
});
