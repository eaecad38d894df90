/**
 * Every address on our own host a mail may send its reader to, in one place:
 * the web application's pages (apps/web serves them at `/`, with a history
 * fallback) and the server's own routes (signed mail-action pages, files,
 * report pages). Templates, services and the SQL of reminder rules build
 * their links here, and the link test (test/e2e/mail-links.e2e-spec.ts)
 * checks every link in every mail against `MAIL_ROUTES`, so a page the web
 * app does not serve cannot be linked to by accident.
 */

/** A route a mail may link to: its name, who serves it, and the shape of its path. */
export interface MailRoute {
  name: string;
  /** `web`: a page of apps/web; `server`: a route the API answers itself. */
  servedBy: 'web' | 'server';
  pattern: RegExp;
}

const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TOKEN = '[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+';

/** Paths (without the host) of the pages and routes mails link to. */
export const mailPaths = {
  home: () => '/',
  settings: () => '/settings',
  meeting: (id: string) => `/meetings/${id}`,
  /** The server's minutes page (readable text of the approved minutes). */
  meetingMinutes: (id: string) => `/meetings/${id}/minutes`,
  deliverable: (id: string) => `/deliverables/${id}`,
  documentFile: (versionId: string) => `/deliverables/versions/${versionId}/file`,
  reviewRound: (id: string) => `/review-rounds/${id}`,
  workingGroup: (id: string) => `/working-groups/${id}`,
  /** An organisation's contact answers a nomination request (signed in; the request mail's own button works without). */
  nominationRequest: (id: string) => `/nomination-requests/${id}`,
  commission: (id: string) => `/commissions/${id}`,
  datePoll: (id: string) => `/date-polls/${id}`,
  report: (id: string) => `/reports/${id}`,
  /** A signed one-click action page (answer, approve, vote) that needs no sign-in. */
  mailAction: (token: string) => `/mail-actions/${token}`,
  /** The signed one-click opt-out of RFC 8058 (List-Unsubscribe). */
  unsubscribe: (token: string) => `/mail-actions/unsubscribe/${token}`,
  registrationCancel: (token: string) => `/registrations/cancel?token=${encodeURIComponent(token)}`,
  calendarFeed: (token: string) => `/calendar/${token}/feed.ics`,
} as const;

export type MailPathName = keyof typeof mailPaths;

/** The routes above as patterns, to check a link found in a mail. */
export const MAIL_ROUTES: MailRoute[] = [
  { name: 'home', servedBy: 'web', pattern: /^\/$/ },
  { name: 'settings', servedBy: 'web', pattern: /^\/settings$/ },
  { name: 'meeting', servedBy: 'web', pattern: new RegExp(`^/meetings/${ID}$`) },
  { name: 'meetingMinutes', servedBy: 'server', pattern: new RegExp(`^/meetings/${ID}/minutes$`) },
  { name: 'deliverable', servedBy: 'web', pattern: new RegExp(`^/deliverables/${ID}$`) },
  { name: 'documentFile', servedBy: 'server', pattern: new RegExp(`^/deliverables/versions/${ID}/file$`) },
  { name: 'reviewRound', servedBy: 'web', pattern: new RegExp(`^/review-rounds/${ID}$`) },
  { name: 'workingGroup', servedBy: 'web', pattern: new RegExp(`^/working-groups/${ID}$`) },
  { name: 'nominationRequest', servedBy: 'web', pattern: new RegExp(`^/nomination-requests/${ID}$`) },
  { name: 'commission', servedBy: 'web', pattern: new RegExp(`^/commissions/${ID}$`) },
  { name: 'datePoll', servedBy: 'web', pattern: new RegExp(`^/date-polls/${ID}$`) },
  { name: 'report', servedBy: 'server', pattern: new RegExp(`^/reports/${ID}$`) },
  { name: 'mailAction', servedBy: 'server', pattern: new RegExp(`^/mail-actions/${TOKEN}$`) },
  { name: 'unsubscribe', servedBy: 'server', pattern: new RegExp(`^/mail-actions/unsubscribe/${TOKEN}$`) },
  { name: 'registrationCancel', servedBy: 'server', pattern: /^\/registrations\/cancel$/ },
  { name: 'calendarFeed', servedBy: 'server', pattern: /^\/calendar\/[A-Za-z0-9_-]+\/feed\.ics$/ },
];

/** The route a path (query string ignored) belongs to, or undefined for a path no mail may use. */
export function mailRouteOf(pathname: string): MailRoute | undefined {
  const path = pathname.split('?')[0];
  return MAIL_ROUTES.find((route) => route.pattern.test(path));
}

/** An absolute URL on our host: `base` is `publicUrl(config)` (no trailing slash). */
export function mailUrl(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/**
 * The same paths as SQL, for reminder rules whose props are built in SQL:
 * `mailPathSql('deliverable', 'd.id')` is `'/deliverables/' || d.id`.
 */
export function mailPathSql(name: 'meeting' | 'meetingMinutes' | 'deliverable' | 'reviewRound' | 'workingGroup' | 'nominationRequest' | 'commission' | 'datePoll', idSql: string): string {
  const marker = '00000000-0000-0000-0000-000000000000';
  const [before, after] = mailPaths[name](marker).split(marker);
  return `('${before}' || ${idSql}${after ? ` || '${after}'` : ''})`;
}
