import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, Locale, currentRequest, fromPostgresError, interpolate, isTranslated, messageFor, noteErrorCode } from '@samverkan/core';
import { withTokensFound } from './count-tokens';

const logger = new Logger('GraphQLErrors');

/** graphql-armor's refusals and graphql-js's token limit, with the limit and the figure found. */
const LIMITS: [RegExp, LimitRule][] = [
  [/Query depth limit of (\d+) exceeded, found (\d+)/i, 'depth'],
  [/Aliases limit of (\d+) exceeded, found (\d+)/i, 'aliases'],
  [/Query Cost limit of (\d+) exceeded, found (\d+(?:\.\d+)?(?:e\+?\d+)?)/i, 'cost'],
  [/Directives limit of (\d+) exceeded, found (\d+)/i, 'directives'],
  [/Token limit of (\d+) exceeded|Document contains more th(?:an|at) (\d+) tokens/i, 'tokens'],
];

export type LimitRule = 'depth' | 'aliases' | 'cost' | 'directives' | 'tokens';

/**
 * A limit refusal as the client sees it: GRAPHQL_VALIDATION_FAILED, `rule`, and
 * `limit` and `found` as integers (a cost rounded). No "Syntax Error:" prefix: the
 * query was well-formed, only too big. `found` of a token refusal is counted later
 * (the parser stops at the limit), in the response plugin, from the query text.
 */
function limitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  for (const [pattern, rule] of LIMITS) {
    const match = pattern.exec(formatted.message);
    if (!match) continue;
    const limit = Number(match[1] ?? match[2]);
    const found = rule === 'tokens' ? undefined : Math.round(Number(match[2]));
    const params = { limit, found: found ?? limit + 1 };
    return {
      message: interpolate(messageFor(`limits.${rule}`)!.en, params),
      locations: formatted.locations,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', rule, limit, ...(found !== undefined ? { found } : {}), messageKey: `limits.${rule}`, params },
    };
  }
  return undefined;
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.RATE_LIMITED,
  507: ErrorCode.STORAGE_FULL,
};

/**
 * Apollo's own refusals of an HTTP request (its code BAD_REQUEST, which we do not
 * use: they become BAD_USER_INPUT) and graphql-js's refusal of a variable, each as
 * a whole sentence per language; Apollo's English text stays in `extensions.reason`.
 */
const APOLLO_REFUSALS: [RegExp, string][] = [
  [/Cross-Site Request Forgery/i, 'graphql.csrf'],
  [/GET requests only support query operations/i, 'graphql.getMutation'],
  [/POST body missing|may not have a content-type|supports only GET\/POST/i, 'graphql.contentType'],
  [/non-empty `query`|queries must be strings/i, 'graphql.missingQuery'],
  [/Operation batching disabled|No operations found/i, 'graphql.batching'],
  [/PersistedQuery/i, 'graphql.persistedQueries'],
];

function apolloRefusal(formatted: GraphQLFormattedError, code: string): GraphQLFormattedError | undefined {
  const variable = code === ErrorCode.BAD_USER_INPUT ? /^Variable "\$(\w+)"/.exec(formatted.message)?.[1] : undefined;
  const key = variable
    ? 'graphql.variableInvalid'
    : code === 'BAD_REQUEST' || code.startsWith('PERSISTED_QUERY')
      ? (APOLLO_REFUSALS.find(([pattern]) => pattern.test(formatted.message))?.[1] ?? 'graphql.badRequest')
      : undefined;
  if (!key) return undefined;
  const params = variable ? { variable } : {};
  return {
    message: interpolate(messageFor(key)!.en, params),
    locations: formatted.locations,
    extensions: { code: ErrorCode.BAD_USER_INPUT, reason: formatted.message.slice(0, 500), messageKey: key, params },
  };
}

/**
 * The one place that decides what a client sees of an error: a code in
 * `extensions.code`, a whole message in the request's language, safe details,
 * and never a stack trace or SQL. Refusals Apollo makes before the request
 * pipeline (no plugin runs) are translated here, through the request scope;
 * the others again, harmlessly, in the errors plugin.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const shaped = shapeError(formatted, error);
  const scope = currentRequest();
  if (!scope) return shaped;
  noteErrorCode(scope.req, shaped.extensions?.code);
  const query = scope.req.body?.query ?? scope.req.query?.query;
  return localizeError(withTokensFound(shaped, typeof query === 'string' ? query : undefined), scope.ctx.locale, scope.ctx.requestId);
}

function shapeError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const appError = original instanceof AppError ? original : fromPostgresError(original);
  if (appError) {
    return {
      message: appError.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: appError.code, messageKey: appError.messageKey, params: appError.params, ...(appError.details ? { details: appError.details } : {}) },
    };
  }
  if (original instanceof HttpException) {
    const code = HTTP_CODES[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
    if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code } };
    }
  }
  // Parse, validation and variable errors from graphql-js/Apollo: the client's mistake.
  const code = formatted.extensions?.code;
  const clientMistake = typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && !(original instanceof Error && !(original instanceof GraphQLError));
  if (clientMistake || (original instanceof GraphQLError && !original.originalError && code === undefined)) {
    const limit = limitRefusal(formatted);
    if (limit) return limit;
    const refusal = clientMistake ? apolloRefusal(formatted, code) : undefined;
    if (refusal) return refusal;
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: clientMistake ? (code === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : code) : 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  logger.error({ err: original }, 'Internal error in a GraphQL operation');
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, messageKey: 'common.internal' },
  };
}

/** Renders a formatted error's message in the request's language and removes the translation keys. */
export function localizeError(error: GraphQLFormattedError, locale: Locale, requestId: string): GraphQLFormattedError {
  const extensions = { ...(error.extensions ?? {}) } as Record<string, unknown>;
  const key = extensions.messageKey;
  const params = { ...((extensions.params as Record<string, unknown>) ?? {}), requestId };
  delete extensions.messageKey;
  delete extensions.params;
  if (extensions.code === ErrorCode.INTERNAL_SERVER_ERROR) extensions.requestId = requestId;
  // A validation refusal's per-field sentences (`details.problems`), in the same language.
  const details = extensions.details as { problems?: { field: string; message: unknown }[] } | undefined;
  if (details?.problems) {
    extensions.details = { ...details, problems: details.problems.map((p) => ({ field: p.field, message: isTranslated(p.message) ? p.message[locale] : String(p.message) })) };
  }
  const texts = typeof key === 'string' ? messageFor(key) : undefined;
  return { ...error, message: texts ? interpolate(texts[locale], params, locale) : error.message, extensions };
}
