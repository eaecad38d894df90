import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * No import cycle anywhere in libs/ or apps/ (issue 23). A cycle lets one module
 * see another half-initialised (a class still undefined in a decorator, an entity
 * missing from a relation) depending on which file happens to load first, and it
 * ties files together that a newcomer should be able to read one at a time.
 *
 * The graph is TypeScript's own: every import, `export … from`, `import()`,
 * `require()` and `import('…')` type of every .ts/.tsx/.mts file, resolved with
 * the compiler options of the tsconfig that builds the file (tsconfig.json for the
 * server, `@samverkan/*` to each library's index.ts; apps/web/tsconfig.json for the
 * web application). Type-only imports count too: they are erased at runtime, but
 * they tie the files together just the same (madge and dependency-cruiser count
 * them by default). Written over the `typescript` package that is installed
 * anyway rather than adding madge or dependency-cruiser for one check.
 */

const ROOT = path.resolve(__dirname, '../..');
const WEB = path.join(ROOT, 'apps', 'web') + path.sep;

interface Edge {
  to: string;
  line: number;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(file, out);
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(file);
  }
  return out;
}

function compilerOptions(tsconfig: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${tsconfig}`);
  return parsed.options;
}

/** Every file of libs/ and apps/ with the files of libs/ and apps/ it imports. */
function importGraph(roots = ['libs', 'apps']): Map<string, Edge[]> {
  const configs = [
    { options: compilerOptions(path.join(ROOT, 'tsconfig.json')), owns: (f: string) => !f.startsWith(WEB) },
    { options: compilerOptions(path.join(WEB, 'tsconfig.json')), owns: (f: string) => f.startsWith(WEB) },
  ].map((c) => ({ ...c, cache: ts.createModuleResolutionCache(ROOT, (s) => s, c.options) }));
  const files = roots.flatMap((r) => sourceFiles(path.join(ROOT, r)));
  const graph = new Map<string, Edge[]>();
  for (const file of files) {
    const { options, cache } = configs.find((c) => c.owns(file))!;
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const edges: Edge[] = [];
    const add = (specifier: string, node: ts.Node) => {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys, cache).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes(`${path.sep}node_modules${path.sep}`)) return;
      edges.push({ to: path.resolve(resolved.resolvedFileName), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node);
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
        add(node.moduleReference.expression.text, node);
      } else if (
        ts.isCallExpression(node) &&
        node.arguments.length > 0 &&
        ts.isStringLiteral(node.arguments[0]) &&
        (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
      ) {
        add(node.arguments[0].text, node);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    graph.set(path.resolve(file), edges);
  }
  return graph;
}

/** One cycle per strongly connected component (Tarjan), each as the import lines that close it. */
function importCycles(graph: Map<string, Edge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: Set<string>[] = [];
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        strong(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = new Set<string>();
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.add(w);
    } while (w !== v);
    if (component.size > 1 || graph.get(v)!.some((e) => e.to === v)) components.push(component);
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) strong(v);

  const rel = (f: string) => path.relative(ROOT, f);
  return components.map((component) => {
    // The shortest way round from the component's first file back to it.
    const start = [...component].sort()[0];
    const came = new Map<string, { from: string; line: number }>();
    const queue = [start];
    while (queue.length) {
      const v = queue.shift()!;
      const back = graph.get(v)!.find((e) => e.to === start);
      if (back) {
        const steps = [`${rel(v)}:${back.line} → ${rel(start)}`];
        for (let w = v; w !== start; w = came.get(w)!.from) steps.unshift(`${rel(came.get(w)!.from)}:${came.get(w)!.line} → ${rel(w)}`);
        return steps;
      }
      for (const e of graph.get(v)!) {
        if (component.has(e.to) && e.to !== start && !came.has(e.to)) {
          came.set(e.to, { from: v, line: e.line });
          queue.push(e.to);
        }
      }
    }
    throw new Error(`no way round ${rel(start)}`);
  });
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const a = path.join(ROOT, 'a.ts');
    const b = path.join(ROOT, 'b.ts');
    const c = path.join(ROOT, 'c.ts');
    const graph = new Map<string, Edge[]>([
      [a, [{ to: b, line: 1 }]],
      [b, [{ to: c, line: 2 }]],
      [c, [{ to: a, line: 3 }, { to: path.join(ROOT, 'elsewhere.ts'), line: 4 }]],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts:1 → b.ts', 'b.ts:2 → c.ts', 'c.ts:3 → a.ts']]);
    expect(importCycles(new Map([[a, [{ to: b, line: 1 }]], [b, []]]))).toEqual([]);
  });

  it('reads the imports of libs/ and apps/ as TypeScript resolves them', () => {
    const graph = importGraph();
    const edges = (from: string) => graph.get(path.join(ROOT, from))!.map((e) => path.relative(ROOT, e.to));
    // A path alias to a library's index, a relative import, and a type-only import in the web application.
    expect(edges('libs/seats/src/seats.service.ts')).toEqual(expect.arrayContaining(['libs/core/src/index.ts', 'libs/seats/src/seat.entity.ts']));
    expect(edges('libs/seats/src/nominations/nominations.mails.ts')).toContain('libs/seats/src/nominations/nomination-subject.ts');
    expect(edges('apps/web/src/meetings/messages.sv.ts').length).toBeGreaterThan(0);
    expect(graph.size).toBeGreaterThan(300);
  });

  it('has none in libs/ or apps/', () => {
    const cycles = importCycles(importGraph());
    const report = cycles.map((steps, i) => `cycle ${i + 1}:\n    ${steps.join('\n    ')}`).join('\n');
    // Break one by moving what both sides need into a file of its own that neither imports back
    // (as libs/seats/src/nominations/nomination-subject.ts and apps/web/src/core/locales.ts do).
    expect(report).toBe('');
  });
});
