import type { TadaDocumentNode } from 'gql.tada';
// gql.tada's own GraphQL printer: a fraction of graphql-js's size in the first load.
import { print } from '@0no-co/graphql.web';

/** A GraphQL error as the API shapes it: a translated message and a code (and, for bad input, the fields). */
export interface ApiError {
  message: string;
  code: string;
  fields?: string[];
  /** The rest of `extensions.details` (e.g. `path` of the input that broke a rule). */
  details?: Record<string, unknown>;
  /** A validation refusal's sentence for each field (`extensions.details.problems`). */
  problems?: { field: string; message: string }[];
}

/** The request failed as a whole: the session ended, the network is gone, or the API refused it. */
export class RequestFailed extends Error {
  constructor(
    readonly kind: 'unauthenticated' | 'network' | 'forbidden' | 'not-found' | 'bad-input' | 'other',
    readonly errors: ApiError[] = [],
  ) {
    super(errors[0]?.message ?? kind);
  }
}

const KIND: Record<string, RequestFailed['kind']> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  BAD_USER_INPUT: 'bad-input',
};

const printed = new WeakMap<object, string>();

// The language the reader sees: the API answers labels and error messages in it.
let language = 'sv';
export function setRequestLanguage(locale: string): void {
  language = locale;
}

/**
 * Sends one operation to /graphql on this origin. The session is the httpOnly
 * cookie (no token is ever visible here); the JSON content type makes it a
 * preflighted request, which Apollo's CSRF prevention asks for.
 */
export async function request<Result, Variables>(document: TadaDocumentNode<Result, Variables>, variables?: Variables): Promise<Result> {
  let query = printed.get(document);
  if (!query) {
    query = print(document);
    printed.set(document, query);
  }
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': language },
      body: JSON.stringify({ query, variables: variables ?? {} }),
    });
  } catch {
    throw new RequestFailed('network');
  }
  let body: { data?: Result; errors?: { message: string; extensions?: { code?: string; details?: { fields?: string[]; field?: string; problems?: { field: string; message: string }[] } & Record<string, unknown> } }[] };
  try {
    body = await response.json();
  } catch {
    throw new RequestFailed(response.status >= 500 || response.status === 0 ? 'network' : 'other');
  }
  if (body.errors?.length) {
    const errors = body.errors.map((e) => ({
      message: e.message,
      code: e.extensions?.code ?? 'INTERNAL',
      fields: e.extensions?.details?.fields ?? (e.extensions?.details?.field ? [e.extensions.details.field] : undefined),
      problems: e.extensions?.details?.problems,
      details: e.extensions?.details,
    }));
    throw new RequestFailed(KIND[errors[0].code] ?? 'other', errors);
  }
  return body.data as Result;
}
