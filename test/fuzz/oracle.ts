import { LEAK_PATTERNS } from './catalog';

/** The codes a client may see (README "Typed errors"); anything else is an untyped error. */
export const TYPED_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

export interface Verdict {
  /** A 5xx or an INTERNAL_SERVER_ERROR/INTERNAL code. */
  internal: boolean;
  /** Why the response is not a typed answer (no code, an unknown code, a stack, SQL, not JSON), or null. */
  untyped: string | null;
  codes: string[];
  unauthenticated: boolean;
}

/** Judges one HTTP response to a GraphQL request. */
export function judge(status: number, text: string): Verdict {
  let body: { errors?: { message?: string; extensions?: Record<string, unknown> }[]; data?: unknown };
  try {
    body = JSON.parse(text);
  } catch {
    const leak = LEAK_PATTERNS.find((p) => p.test(text));
    return { internal: status >= 500, untyped: `not JSON (status ${status})${leak ? `, leaks ${leak}` : ''}`, codes: [], unauthenticated: false };
  }
  const errors = body.errors ?? [];
  const codes = errors.map((e) => String(e.extensions?.code ?? ''));
  const internal = status >= 500 || codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'INTERNAL');
  let untyped: string | null = null;
  const bad = codes.find((c) => !TYPED_CODES.has(c));
  if (status >= 500) untyped = `status ${status}`;
  else if (bad !== undefined) untyped = bad ? `code ${bad}` : 'error without extensions.code';
  else if (errors.some((e) => e.extensions && ('stacktrace' in e.extensions || 'exception' in e.extensions))) untyped = 'stack trace in extensions';
  else if (errors.some((e) => e.extensions && ('messageKey' in e.extensions || 'params' in e.extensions))) untyped = 'untranslated message (messageKey in extensions)';
  else if (errors.some((e) => /^Syntax Error:/.test(e.message ?? '') && e.extensions?.code !== 'GRAPHQL_PARSE_FAILED')) untyped = '"Syntax Error:" on a refusal that is not a parse error';
  else if (!errors.length && body.data === undefined) untyped = 'neither data nor errors';
  else {
    const leak = LEAK_PATTERNS.find((p) => p.test(JSON.stringify(errors)));
    if (leak) untyped = `leaks ${leak}`;
  }
  return { internal, untyped, codes, unauthenticated: codes.includes('UNAUTHENTICATED') };
}
