import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the web application (apps/web, built into dist/web by `npm run build`)
 * from the API's own origin: its files under /assets, and index.html for the
 * application's addresses (the history fallback). The API's own routes are never
 * answered here: GraphQL, health, metrics, report pages, mail actions, calendar
 * feeds, the queue dashboard, the HTML sign-in and the file routes.
 */
const API_PREFIXES = ['/graphql', '/graphiql', '/health', '/metrics', '/reports', '/mail-actions', '/calendar', '/admin', '/login', '/logout', '/registrations'];

/** The application's addresses (apps/web/src/router.tsx): one path segment per `[^/]+`, so /meetings/:id/minutes stays the API's. */
export const APP_ROUTES: RegExp[] = [
  /^\/$/,
  /^\/sign-in$/,
  /^\/settings$/,
  /^\/seats$/,
  /^\/meetings\/[^/]+$/,
  /^\/deliverables\/[^/]+$/,
  /^\/review-rounds\/[^/]+$/,
  /^\/working-groups\/[^/]+$/,
  /^\/commissions\/[^/]+$/,
  /^\/commissions\/[^/]+\/overview$/,
  /^\/commissions\/[^/]+\/publication$/,
  /^\/public\/commissions\/[^/]+$/,
  /^\/date-polls\/[^/]+$/,
  /^\/nomination-requests\/[^/]+$/,
  /^\/commissions$/,
  /^\/commissions\/[^/]+\/(edit|amend)$/,
  /^\/commissions\/[^/]+\/working-groups\/new$/,
  /^\/working-groups\/[^/]+\/edit$/,
  /^\/working-groups\/[^/]+\/meetings\/new$/,
  /^\/strategies\/[^/]+$/,
  /^\/working-groups\/[^/]+\/seats$/,
  /^\/working-groups\/[^/]+\/allocations\/[^/]+$/,
  /^\/people$/,
  /^\/people\/[^/]+$/,
  /^\/organisations$/,
  /^\/organisations\/[^/]+$/,
  /^\/commissions\/[^/]+\/stakeholders$/,
  /^\/commissions\/[^/]+\/audit$/,
  /^\/working-groups\/[^/]+\/date-polls\/new$/,
  /^\/date-polls\/[^/]+\/answers$/,
  /^\/meetings\/[^/]+\/(invitations|agenda)$/,
  /^\/events\/[^/]+$/,
  /^\/meetings\/[^/]+\/registrations$/,
  /^\/commissions\/[^/]+\/deliverables$/,
  /^\/commissions\/[^/]+\/deliverables\/new$/,
  /^\/deliverables\/[^/]+\/edit$/,
  /^\/deliverables\/[^/]+\/review-rounds\/new$/,
  /^\/review-rounds\/[^/]+\/follow$/,
  /^\/commissions\/[^/]+\/status-reports$/,
  /^\/commissions\/[^/]+\/mail$/,
  /^\/meetings\/[^/]+\/attendance$/,
  /^\/meetings\/[^/]+\/minutes\/edit$/,
];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** dist/web of this checkout, found from the repository root (the nearest folder with package.json). */
export function webAppDirectory(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'web');
}

export function isApiPath(pathname: string): boolean {
  return API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** An address of the application whose page exists only when `open` says so (else 404, as its feeds answer). */
export interface WebAppGate {
  route: RegExp;
  open(match: RegExpExecArray): Promise<boolean>;
}

export class WebApp {
  private index: { body: Buffer; mtimeMs: number } | null = null;
  private readonly gates: WebAppGate[] = [];

  constructor(private readonly dir = webAppDirectory()) {}

  /** The public register page of an unpublished commission answers 404 like its feeds (bootstrap gives the check). */
  gate(gate: WebAppGate): void {
    this.gates.push(gate);
  }

  /** Express middleware: answers the application's files and addresses, passes everything else on. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const pathname = req.path;
    if (isApiPath(pathname)) return next();
    if (pathname.startsWith('/assets/')) return this.sendAsset(pathname, res, next);
    if (!APP_ROUTES.some((route) => route.test(pathname))) return next();
    for (const gate of this.gates) {
      const match = gate.route.exec(pathname);
      if (match) {
        gate.open(match).then((open) => this.sendIndex(res, open ? 200 : 404), next);
        return;
      }
    }
    this.sendIndex(res, 200);
  };

  /** index.html with the given status (404 for an unknown address: the application then says so in the reader's language). */
  sendIndex(res: Response, status: number): void {
    const index = this.readIndex();
    if (!index) {
      res.status(503).type('text/plain').send('The web application is not built: run npm run build.');
      return;
    }
    // The page itself is never cached (it names the current build's files); those files are, for a year.
    res.status(status).type('text/html; charset=utf-8').setHeader('Cache-Control', 'no-cache');
    res.send(index);
  }

  private readIndex(): Buffer | null {
    const file = path.join(this.dir, 'index.html');
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (!this.index || this.index.mtimeMs !== mtimeMs) this.index = { body: readFileSync(file), mtimeMs };
    return this.index.body;
  }

  private sendAsset(pathname: string, res: Response, next: NextFunction): void {
    const name = pathname.slice('/assets/'.length);
    const type = CONTENT_TYPES[path.extname(name)];
    if (!type || !/^[A-Za-z0-9._-]+$/.test(name)) return next();
    const file = path.join(this.dir, 'assets', name);
    if (!existsSync(file)) return next();
    res.type(type).setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.sendFile(file);
  }
}
