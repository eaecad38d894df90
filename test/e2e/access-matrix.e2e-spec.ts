import { GraphQLSchemaHost } from '@nestjs/graphql';
import { TestApp, startTestApp } from '../harness/test-app';
import { GRAPHQL_MATRIX, Outcome, PathView, ROUTE_MATRIX, SAME_VIEW_MATRIX, STATUS_OF } from '../trust/access-matrix';
import { ACTORS, World, buildWorld } from '../trust/world';
import { scaled } from '../harness/progress';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
  name?: string;
}

/** Every route the app serves besides GraphQL, as "METHOD /path". */
function httpRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router?: { stack: ExpressLayer[] }; _router?: { stack: ExpressLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = new Set<string>();
  for (const layer of stack) {
    // '{/*splat}' is Nest's global middleware (request context), not an endpoint.
    if (!layer.route || layer.route.path === '/graphql' || layer.route.path === '{/*splat}') continue;
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    const method = layer.route.methods._all || methods.length > 3 ? 'ALL' : methods[0].toUpperCase();
    routes.add(`${method} ${layer.route.path}`);
  }
  return [...routes].sort();
}

// The authorization matrix: every operation × every actor, executed against the running app.
describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  }, scaled(60_000));
  afterAll(() => t?.close());

  it('lists every GraphQL operation and every HTTP route (nothing ships unreviewed)', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const operations = [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})].sort();
    expect(operations.filter((name) => !(name in GRAPHQL_MATRIX))).toEqual([]);
    expect(Object.keys(GRAPHQL_MATRIX).filter((name) => !operations.includes(name))).toEqual([]);
    const routes = httpRoutes(t);
    expect(routes.filter((route) => !(route in ROUTE_MATRIX))).toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((route) => !routes.includes(route))).toEqual([]);
  });

  // One visibility rule per role: the paths of each check show every actor the same things.
  it('shows every actor the same things in a list, its exports and the status report', async () => {
    const failures: string[] = [];
    const sorted = (view: PathView) => (view === 'refused' ? view : [...view].sort().join(','));
    for (const [check, entry] of Object.entries(SAME_VIEW_MATRIX)) {
      const fixture = await entry.setup(w);
      for (const actor of ACTORS) {
        const views: [string, PathView][] = [];
        for (const [path, read] of Object.entries(entry.paths)) views.push([path, await read(w, actor, fixture)]);
        const allowed = views.filter(([, view]) => view !== 'refused');
        for (const [path, view] of allowed.slice(1)) {
          if (sorted(view) !== sorted(allowed[0][1])) failures.push(`${check} as ${actor}: ${path} shows ${(view as string[]).length}, ${allowed[0][0]} shows ${(allowed[0][1] as string[]).length}`);
        }
        // A single read finds exactly the fixture's things that the paths show.
        const listed = new Set(allowed.length ? (allowed[0][1] as string[]) : []);
        const expected = fixture.deliverableIds.filter((id) => listed.has(id));
        const read = await entry.readOneByOne(w, actor, fixture);
        if (sorted(read) !== sorted(expected)) failures.push(`${check} as ${actor}: a single read finds ${read.length} of the ${expected.length} the paths show`);
      }
    }
    expect(failures).toEqual([]);
  }, scaled(120_000));

  it('gives every actor exactly the expected outcome for every operation and route', async () => {
    const failures: string[] = [];
    const started = Date.now();
    let cells = 0;
    // Operations run four at a time; the actors of one operation one after another.
    const queue = Object.entries(GRAPHQL_MATRIX);
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [operation, entry] = next;
        for (const actor of ACTORS) {
          cells++;
          const call = await entry.call(w, actor);
          const response = await t.gql(call.query, call.variables, { token: call.token ?? w.tokenOf(actor) });
          const got: string = response.errors?.length ? String(response.errors[0].extensions?.code) : 'ok';
          if (got !== entry.expected[actor]) failures.push(`${operation} as ${actor}: expected ${entry.expected[actor]}, got ${got}${got === 'ok' ? '' : ` (${response.errors?.[0].message})`}`);
        }
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    for (const [route, entry] of Object.entries(ROUTE_MATRIX)) {
      for (const actor of ACTORS) {
        cells++;
        const { path, method = 'GET', body } = await entry.request(w);
        const token = w.tokenOf(actor);
        const response = await t.http(path, { method, body, redirect: 'manual', headers: token ? { authorization: `Bearer ${token}` } : {} });
        await response.arrayBuffer();
        const expected: Outcome = entry.expected[actor];
        if (!STATUS_OF[expected].includes(response.status)) failures.push(`${route} as ${actor}: expected ${expected} (${STATUS_OF[expected]}), got HTTP ${response.status}`);
      }
    }
    process.stdout.write(`authorization matrix: cells ${cells}, passed ${cells - failures.length}, ${Math.round((Date.now() - started) / 1000)} s\n`);
    expect(failures).toEqual([]);
    // 14 actors × ~130 operations and routes, each cell making what it needs: about 5 minutes on a loaded 2-core machine.
  }, scaled(600_000));
});
