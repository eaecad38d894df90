import { DeliverableHealth, DeliverableStatus, deliverableHealth } from '@samverkan/deliverables';
import { ReminderEngine } from '@samverkan/notifications';
import { TestApp, startTestApp } from '../harness/test-app';
import { createDeliverable, DeliverableWorld, deliverableWorld, inDays, setStatus } from '../harness/deliverable-fixtures';
import { ok } from '../harness/structure-fixtures';

describe('deliverables: workflow, deadlines, health, access, exports', () => {
  let t: TestApp;
  let w: DeliverableWorld;

  beforeAll(async () => {
    // Reminder rows a month ahead (the default is a week), so the fixtures' dates 10–25 days ahead are all in the window.
    t = await startTestApp({ REMINDER_LOOKAHEAD_DAYS: '30' });
    w = await deliverableWorld(t);
  });
  afterAll(() => t?.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0].count as number;

  it('creates a deliverable tied to goals and lettered objectives, and refuses bad input without storing anything', async () => {
    const d = await createDeliverable(t, w.secretariat.token, {
      commissionId: w.commissionId,
      workingGroupId: w.groupId,
      title: 'Förslag till program (c)',
      kind: 'PROPOSAL',
      dueOn: '2031-03-31',
      responsiblePersonId: w.member.id,
      goalIds: [w.goals['4.4'], w.goals['2.2']],
      objectiveIds: [w.objectives.c],
    });
    expect(d).toMatchObject({
      kind: 'PROPOSAL',
      dueOn: '2031-03-31',
      status: 'PLANNED',
      health: 'ON_TRACK',
      allowedTransitions: ['IN_PROGRESS', 'CANCELLED'],
      statusLabel: 'planerad',
      workingGroup: { id: w.groupId },
      responsiblePerson: { id: w.member.id },
      goals: [{ code: '2.2' }, { code: '4.4' }],
      objectives: [{ letter: 'c' }],
    });

    const before = await count(`SELECT count(*)::int AS count FROM deliverable WHERE commission_id = $1`, [w.commissionId]);
    const create = (input: Record<string, unknown>) =>
      t.gql(`mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, { input: { commissionId: w.commissionId, title: 'x', kind: 'MEMO', dueOn: '2031-01-01', ...input } }, { token: w.secretariat.token });
    expect((await create({ dueOn: '2023-02-30' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await create({ dueOn: 'next February' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await create({ kind: 'NOVEL' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const otherStrategyGoal = (await t.db.query(`SELECT g.id FROM goal g WHERE g.id <> ALL($1) LIMIT 1`, [Object.values(w.goals)]))[0]?.id;
    if (otherStrategyGoal) expect((await create({ goalIds: [otherStrategyGoal] })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const foreignObjective = (await t.db.query(`SELECT id FROM commission_objective WHERE commission_id <> $1 LIMIT 1`, [w.commissionId]))[0]?.id;
    if (foreignObjective) expect((await create({ objectiveIds: [foreignObjective] })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await create({ objectiveIds: [w.objectives.a], goalIds: [w.goals['2.2']], workingGroupId: w.otherGroupId })).errors).toBeUndefined();
    expect(await count(`SELECT count(*)::int AS count FROM deliverable WHERE commission_id = $1`, [w.commissionId])).toBe(before + 1);
    // The database backs the service: a goal of another strategy is refused there too.
    const stray = await t.db.query(`INSERT INTO strategy (title) VALUES ('Stray') RETURNING id`);
    const area = await t.db.query(`INSERT INTO priority_area (strategy_id, number, title) VALUES ($1, 1, 'a') RETURNING id`, [stray[0].id]);
    const goal = await t.db.query(`INSERT INTO goal (strategy_id, priority_area_id, area_number, code, text) VALUES ($1, $2, 1, '1.1', 'g') RETURNING id`, [stray[0].id, area[0].id]);
    await expect(t.db.query(`INSERT INTO deliverable_goal (deliverable_id, goal_id) VALUES ($1, $2)`, [d.id, goal[0].id])).rejects.toThrow(/strategy/);
    expect((await create({ goalIds: [goal[0].id] })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    // Updating replaces the links given and keeps the rest; the due date is not an updatable field.
    const updated = await ok(t, w.secretariat.token, `mutation($input: UpdateDeliverableInput!) { updateDeliverable(input: $input) { title goals { code } objectives { letter } dueOn } }`, {
      input: { id: d.id, title: 'Förslag till program', goalIds: [w.goals['2.2']] },
    });
    expect(updated.updateDeliverable).toEqual({ title: 'Förslag till program', goals: [{ code: '2.2' }], objectives: [{ letter: 'c' }], dueOn: '2031-03-31' });
    const sneaky = await t.gql(`mutation($input: UpdateDeliverableInput!) { updateDeliverable(input: $input) { dueOn } }`, { input: { id: d.id, dueOn: '2035-01-01' } }, { token: w.secretariat.token });
    expect(sneaky.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    // null clears what may be empty (the edit page sends it when the responsible person is taken away).
    const person = await ok(t, w.secretariat.token, `mutation($input: UpdateDeliverableInput!) { updateDeliverable(input: $input) { responsiblePerson { id } } }`, {
      input: { id: d.id, responsiblePersonId: w.member.id, publishedUrl: 'https://example.org/forslag' },
    });
    expect(person.updateDeliverable.responsiblePerson).toEqual({ id: w.member.id });
    const cleared = await ok(t, w.secretariat.token, `mutation($input: UpdateDeliverableInput!) { updateDeliverable(input: $input) { title responsiblePerson { id } publishedUrl } }`, {
      input: { id: d.id, responsiblePersonId: null, publishedUrl: null },
    });
    expect(cleared.updateDeliverable).toEqual({ title: 'Förslag till program', responsiblePerson: null, publishedUrl: null });
    // What may not be empty refuses null as bad input, and nothing changes.
    for (const field of ['title', 'kind']) {
      const emptied = await t.gql(`mutation($input: UpdateDeliverableInput!) { updateDeliverable(input: $input) { title } }`, { input: { id: d.id, [field]: null } }, { token: w.secretariat.token });
      expect({ field, code: emptied.errors?.[0].extensions.code }).toEqual({ field, code: 'BAD_USER_INPUT' });
    }
  });

  it('moves only along the workflow; an invalid move is BAD_USER_INPUT naming the allowed ones', async () => {
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId });
    const move = (status: string, token = w.secretariat.token, headers: Record<string, string> = {}) =>
      t.gql(`mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { status deliveredOn allowedTransitions } }`, { input: { deliverableId: d.id, status } }, { token, headers });
    const skip = await move('DELIVERED', w.secretariat.token, { 'accept-language': 'en' });
    expect(skip.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(skip.errors?.[0].message).toBe('The status cannot change from planned to delivered. Allowed: in progress, cancelled.');
    expect(skip.errors?.[0].extensions.details).toEqual({ from: 'planned', to: 'delivered', allowed: ['IN_PROGRESS', 'CANCELLED'] });
    const sv = await move('APPROVED', w.secretariat.token, { 'accept-language': 'sv' });
    expect(sv.errors?.[0].message).toContain('Tillåtna: pågår, avbruten');

    for (const status of ['IN_PROGRESS', 'IN_REVIEW', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED']) expect((await move(status)).errors).toBeUndefined();
    const delivered = await move('DELIVERED');
    expect(delivered.data?.changeDeliverableStatus).toMatchObject({ status: 'DELIVERED', allowedTransitions: [] });
    expect(delivered.data?.changeDeliverableStatus.deliveredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const reopen = await move('IN_PROGRESS', w.secretariat.token, { 'accept-language': 'da' });
    expect(reopen.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(reopen.errors?.[0].message).toContain('Tilladte: —');
    // Members, commissioners and observers may not move it.
    expect((await move('CANCELLED', w.member.token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    // The database refuses a move around the service, too.
    await expect(t.db.query(`UPDATE deliverable SET status = 'planned' WHERE id = $1`, [d.id])).rejects.toThrow(/cannot go from delivered to planned/);
    const trail = await t.db.query(`SELECT action FROM audit_event WHERE entity = 'deliverable' AND entity_id = $1 ORDER BY id`, [d.id]);
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['create', 'status', 'status', 'status', 'status', 'status', 'status']);
  });

  it('records each deadline change with old and new date, reason, who and when; reminders follow the new date', async () => {
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, dueOn: inDays(10), responsiblePersonId: w.member.id });
    const engine = t.app.get(ReminderEngine);
    await engine.run();
    const owed = async () =>
      (
        await t.db.query(`SELECT dedupe_key, status, person_id FROM notification WHERE subject_id = $1 AND kind = 'deliverable.due' ORDER BY dedupe_key`, [d.id])
      ).map((n: { dedupe_key: string; status: string; person_id: string }) => `${n.status} ${n.dedupe_key.split(':').slice(2, 4).join(':')} ${n.person_id === w.member.id ? 'member' : n.person_id}`);
    // Due in 10 days: the 14-day reminder fell due 4 days ago (still within the grace period), 7 and 1 are ahead.
    expect(await owed()).toEqual([`owed ${inDays(10)}:1 member`, `owed ${inDays(10)}:14 member`, `owed ${inDays(10)}:7 member`]);

    const change = (input: Record<string, unknown>, token = w.secretariat.token) =>
      t.gql(`mutation($input: ChangeDeliverableDeadlineInput!) { changeDeliverableDeadline(input: $input) { dueOn health } }`, { input: { deliverableId: d.id, ...input } }, { token });
    expect((await change({ newDueOn: inDays(40), reason: '   ' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await change({ newDueOn: '2031-02-29', reason: 'no such day' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await change({ newDueOn: inDays(10), reason: 'same' })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await change({ newDueOn: inDays(40), reason: 'x' }, w.member.token)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const moved = await change({ newDueOn: inDays(20), reason: 'Tilläggsdirektiv: mer tid för remissen' });
    expect(moved.data?.changeDeliverableDeadline).toEqual({ dueOn: inDays(20), health: 'AT_RISK' }); // planned, 20 days left: at risk
    expect((await change({ newDueOn: inDays(25), reason: 'Workshop flyttad' })).errors).toBeUndefined();

    const history = await ok(t, w.member.token, `query($id: ID!) { deliverable(id: $id) { dueOn deadlineChanges { oldDueOn newDueOn reason changedAt changedBy { id } } } }`, { id: d.id });
    expect(history.deliverable.dueOn).toBe(inDays(25));
    expect(history.deliverable.deadlineChanges.map((c: Record<string, unknown>) => [c.oldDueOn, c.newDueOn, c.reason, (c.changedBy as { id: string }).id])).toEqual([
      [inDays(10), inDays(20), 'Tilläggsdirektiv: mer tid för remissen', w.secretariat.id],
      [inDays(20), inDays(25), 'Workshop flyttad', w.secretariat.id],
    ]);
    expect(Date.parse(history.deliverable.deadlineChanges[0].changedAt)).toBeGreaterThan(Date.now() - 60_000);
    // Never silently: the database refuses a due date changed without its reason row.
    await expect(t.db.query(`UPDATE deliverable SET due_on = due_on + 1 WHERE id = $1`, [d.id])).rejects.toThrow(/without a recorded reason/);

    await engine.run();
    const after = await owed();
    expect(after.filter((line: string) => line.startsWith('cancelled'))).toEqual([`cancelled ${inDays(10)}:1 member`, `cancelled ${inDays(10)}:14 member`, `cancelled ${inDays(10)}:7 member`]);
    expect(after.filter((line: string) => line.startsWith('owed'))).toEqual([`owed ${inDays(25)}:1 member`, `owed ${inDays(25)}:14 member`, `owed ${inDays(25)}:7 member`]);
  });

  it('reminds of overdue deliverables, and stops once delivered', async () => {
    const d = await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, dueOn: inDays(-3), responsiblePersonId: w.member2.id });
    await t.app.get(ReminderEngine).run();
    const rows = async () => t.db.query(`SELECT person_id, status FROM notification WHERE subject_id = $1 AND kind = 'deliverable.overdue' ORDER BY person_id`, [d.id]);
    expect((await rows()).map((r: { person_id: string }) => r.person_id).sort()).toEqual([w.member2.id, w.secretariat.id].sort());
    expect(d.health).toBe('LATE');
    await setStatus(t, w.secretariat.token, d.id, 'IN_PROGRESS', 'CANCELLED');
    await t.app.get(ReminderEngine).run();
    expect((await rows()).map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('computes the same on-track / at-risk / late indicator in TypeScript and in SQL', async () => {
    const today = '2024-06-20';
    const cases: [string, DeliverableStatus][] = [];
    for (const status of Object.values(DeliverableStatus)) for (const offset of [-30, -1, 0, 1, 6, 7, 8, 13, 14, 15, 29, 30, 31, 90]) cases.push([shift(today, offset), status]);
    const sql: { health: string | null }[] = await t.db.query(
      `SELECT deliverable_health(due_on, status, $3::date) AS health FROM unnest($1::date[], $2::text[]) WITH ORDINALITY AS x(due_on, status, n) ORDER BY n`,
      [cases.map((c) => c[0]), cases.map((c) => c[1]), today],
    );
    expect(sql.map((r) => r.health)).toEqual(cases.map(([due, status]) => deliverableHealth(due, status, today)));
    expect(deliverableHealth(shift(today, -1), DeliverableStatus.APPROVED, today)).toBe(DeliverableHealth.LATE);
    expect(deliverableHealth(shift(today, 30), DeliverableStatus.PLANNED, today)).toBe(DeliverableHealth.AT_RISK);
    expect(deliverableHealth(shift(today, 15), DeliverableStatus.IN_PROGRESS, today)).toBe(DeliverableHealth.ON_TRACK);
    expect(deliverableHealth(shift(today, 0), DeliverableStatus.IN_REVIEW, today)).toBe(DeliverableHealth.AT_RISK);
    expect(deliverableHealth(shift(today, -5), DeliverableStatus.DELIVERED, today)).toBeNull();
  });

  describe('access', () => {
    let mine: string;
    let others: string;
    let late: string;
    let delivered: string;
    let commissionWide: string;

    beforeAll(async () => {
      mine = (await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, title: 'Mine', dueOn: '2032-01-01' })).id;
      others = (await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.otherGroupId, title: 'Others', dueOn: '2032-01-02' })).id;
      late = (await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.otherGroupId, title: 'Late', dueOn: '2022-01-01' })).id;
      delivered = (await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.otherGroupId, title: 'Delivered', dueOn: '2032-01-03' })).id;
      await setStatus(t, w.secretariat.token, delivered, 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'DELIVERED');
      commissionWide = (await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, title: 'Commission-wide', dueOn: '2032-01-04' })).id;
    });

    const visible = async (token: string) => {
      const data = await ok(t, token, `query($f: DeliverableFilter!) { deliverables(filter: $f, first: 100) { totalCount edges { node { id } } } }`, { f: { commissionId: w.commissionId } });
      const ids: string[] = data.deliverables.edges.map((e: { node: { id: string } }) => e.node.id);
      return { ids, total: data.deliverables.totalCount as number };
    };

    it('lets members see their groups’ deliverables (and the commission’s own), not other groups’ open ones', async () => {
      const { ids } = await visible(w.member.token);
      expect(ids).toEqual(expect.arrayContaining([mine, delivered, commissionWide]));
      expect(ids).not.toContain(others);
      expect(ids).not.toContain(late);
      const hidden = await t.gql(`query($id: ID!) { deliverable(id: $id) { id } }`, { id: others }, { token: w.member.token });
      expect(hidden.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(`query($id: ID!) { deliverable(id: $id) { title } }`, { id: mine }, { token: w.member.token })).data?.deliverable.title).toBe('Mine');
      const { ids: outsiderIds } = await visible(w.outsider.token);
      expect(outsiderIds).toEqual(expect.arrayContaining([others, late, delivered, commissionWide]));
      expect(outsiderIds).not.toContain(mine);
      const create = await t.gql(`mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }`, { input: { commissionId: w.commissionId, title: 'x', kind: 'MEMO', dueOn: '2031-01-01' } }, { token: w.member.token });
      expect(create.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    // Issue 16: their status report lists every deliverable, so the list does too.
    it('lets commissioners see every deliverable, as their status reports do, and change nothing', async () => {
      const { ids, total } = await visible(w.commissioner.token);
      expect(ids).toEqual(expect.arrayContaining([late, delivered, mine, others]));
      expect(ids).toHaveLength(total);
      const all = await t.db.query(`SELECT id FROM deliverable WHERE commission_id = $1`, [w.commissionId]);
      expect(new Set(ids)).toEqual(new Set(all.map((r: { id: string }) => r.id)));
      const move = await t.gql(`mutation($input: ChangeDeliverableStatusInput!) { changeDeliverableStatus(input: $input) { id } }`, { input: { deliverableId: late, status: 'IN_PROGRESS' } }, { token: w.commissioner.token });
      expect(move.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('lets the secretariat see all, observers the delivered ones, and strangers nothing', async () => {
      const { total } = await visible(w.secretariat.token);
      expect(total).toBe(await count(`SELECT count(*)::int AS count FROM deliverable WHERE commission_id = $1`, [w.commissionId]));
      const { ids } = await visible(w.observer.token);
      expect(ids).toContain(delivered);
      expect(ids).not.toContain(late);
      const stranger = (await deliverableWorld(t, w.admin)).secretariat;
      const list = await t.gql(`query($f: DeliverableFilter!) { deliverables(filter: $f) { totalCount } }`, { f: { commissionId: w.commissionId } }, { token: stranger.token });
      expect(list.errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(`query($id: ID!) { deliverable(id: $id) { id } }`, { id: delivered }, { token: stranger.token })).errors?.[0].extensions.code).toBe('NOT_FOUND');
      expect((await t.gql(`query($f: DeliverableFilter!) { deliverables(filter: $f, first: 101) { totalCount } }`, { f: { commissionId: w.commissionId } }, { token: w.secretariat.token })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('exports the deliverables a person may see as CSV and JSON, with formulas neutralised', async () => {
      await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, title: '=HYPERLINK("http://evil.test","x")', dueOn: '2032-05-05', goalIds: [w.goals['2.2']], objectiveIds: [w.objectives.c] });
      await createDeliverable(t, w.secretariat.token, { commissionId: w.commissionId, workingGroupId: w.groupId, title: '@SUM(1+1)', dueOn: '2032-05-06' });
      const csv = await t.http(`/commissions/${w.commissionId}/deliverables.csv`, { headers: { authorization: `Bearer ${w.secretariat.token}`, 'accept-language': 'en' } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const text = await csv.text();
      const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
      expect(lines[0]).toBe('Id,Title,Kind,Working group,Responsible,Due date,Status,Health,Delivered on,Goals,Objectives,Deadline changes,Published');
      expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")",report,`);
      expect(text).toContain(`,'@SUM(1+1),report,`);
      expect(text).not.toMatch(/(^|,)[=@+-][A-Z]/m);
      expect(lines.find((l) => l.includes('HYPERLINK'))).toMatch(/,2032-05-05,planned,on track,,2\.2,c,0,$/);
      const json = await t.http(`/commissions/${w.commissionId}/deliverables.json`, { headers: { authorization: `Bearer ${w.commissioner.token}` } });
      expect(json.status).toBe(200);
      const body = (await json.json()) as { deliverables: { title: string }[] };
      const titles = body.deliverables.map((d: { title: string }) => d.title);
      expect(titles).toEqual(expect.arrayContaining(['Late', 'Delivered', 'Mine']));
      const observer = await t.http(`/commissions/${w.commissionId}/deliverables.json`, { headers: { authorization: `Bearer ${w.observer.token}` } });
      const observed = ((await observer.json()) as { deliverables: { title: string }[] }).deliverables.map((d) => d.title);
      expect(observed).toContain('Delivered');
      expect(observed).not.toContain('Mine');
      expect(body.deliverables.find((d: { title: string }) => d.title === 'Late')).toMatchObject({ status: 'planned', health: 'late', dueOn: '2022-01-01' });
      expect((await t.http(`/commissions/${w.commissionId}/deliverables.csv`)).status).toBe(401);
      const stranger = await t.http(`/commissions/00000000-0000-4000-8000-000000000000/deliverables.json`, { headers: { authorization: `Bearer ${w.member.token}` } });
      expect(stranger.status).toBe(404);
    });
  });

  it('issues the same number of SQL statements for a list of 1 deliverable and of 30', async () => {
    const small = await deliverableWorld(t, w.admin);
    const large = await deliverableWorld(t, w.admin);
    const build = async (world: DeliverableWorld, n: number) => {
      for (let i = 0; i < n; i++) {
        const d = await createDeliverable(t, world.secretariat.token, {
          commissionId: world.commissionId,
          workingGroupId: i % 2 ? world.groupId : world.otherGroupId,
          responsiblePersonId: world.member.id,
          goalIds: [world.goals['2.2']],
          objectiveIds: [world.objectives.a, world.objectives.c],
          dueOn: inDays(20 + i),
        });
        await ok(t, world.secretariat.token, `mutation($input: ChangeDeliverableDeadlineInput!) { changeDeliverableDeadline(input: $input) { id } }`, { input: { deliverableId: d.id, newDueOn: inDays(21 + i), reason: 'r' } });
      }
    };
    await build(small, 1);
    await build(large, 30);
    const query = `query($f: DeliverableFilter!) { deliverables(filter: $f, first: 50) { totalCount edges { node {
      id title dueOn status health statusLabel allowedTransitions commission { title } workingGroup { name } responsiblePerson { fullName }
      goals { code } objectives { letter } deadlineChanges { newDueOn changedBy { fullName } }
      versions { number } reviewRounds { id reviewers { person { fullName } } nonResponders { fullName } } } } } }`;
    const one = await t.gql(query, { f: { commissionId: small.commissionId } }, { token: small.secretariat.token });
    const thirty = await t.gql(query, { f: { commissionId: large.commissionId } }, { token: large.secretariat.token });
    expect(one.errors).toBeUndefined();
    expect(thirty.data?.deliverables.totalCount).toBe(30);
    if (process.env.PRINT_STATEMENTS) process.stderr.write(`statements: ${one.extensions?.sqlStatements} / ${thirty.extensions?.sqlStatements}\n`);
    expect(thirty.extensions?.sqlStatements).toBe(one.extensions?.sqlStatements);
    expect(one.extensions?.sqlStatements).toBeLessThanOrEqual(16);
  });
});

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
