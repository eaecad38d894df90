import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode, Locale, fromPostgresError, interpolate, messageFor } from '@samverkan/core';

const logger = new Logger('GraphQLErrors');

const ARMOR_LIMITS: [RegExp, string][] = [
  [/Query depth limit/i, 'depth'],
  [/Aliases limit/i, 'aliases'],
  [/Query Cost limit/i, 'cost'],
  [/Token limit|Document contains more th(?:an|at) \d+ tokens/i, 'tokens'],
  [/Directives limit/i, 'directives'],
];

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
 * The one place that decides what a client sees of an error: a code in
 * `extensions.code`, a message key for translation, safe details, and never a
 * stack trace or SQL. Messages are translated per request in the errors plugin.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
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
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && !(original instanceof Error && !(original instanceof GraphQLError))) {
    const limit = ARMOR_LIMITS.find(([pattern]) => pattern.test(formatted.message))?.[1];
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: limit ? 'GRAPHQL_VALIDATION_FAILED' : code, ...(limit ? { limit } : {}) },
    };
  }
  if (original instanceof GraphQLError && !original.originalError && formatted.extensions?.code === undefined) {
    const limit = ARMOR_LIMITS.find(([pattern]) => pattern.test(formatted.message))?.[1];
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...(limit ? { limit } : {}) } };
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
  const texts = typeof key === 'string' ? messageFor(key) : undefined;
  return { ...error, message: texts ? interpolate(texts[locale], params) : error.message, extensions };
}
