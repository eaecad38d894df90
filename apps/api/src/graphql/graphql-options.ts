import { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLFormattedError, GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Request, Response } from 'express';
import { AppConfig, DateTimeScalar, contextOf, noteErrorCode, statementsOf } from '@samverkan/core';
import { withTokensFound } from './count-tokens';
import { formatError, localizeError } from './format-error';
import { JitExecutor } from './jit-executor';

/**
 * Apollo with limits on depth, aliases, cost, tokens and directives
 * (graphql-armor), errors shaped in one place, and introspection and field
 * suggestions off in production.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: !production },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: !production },
    // Counted by graphql-js's own parser (parseOptions below): armor's token plugin parses in a
    // plugin hook, where every syntax error became an HTTP 500 (fuzz-regressions.e2e-spec.ts).
    maxTokens: { enabled: false },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const jit = config.GRAPHQL_EXECUTOR === 'jit' ? new JitExecutor() : undefined;
  // Sorted here rather than by `sortSchema`, which Nest applies after `transformSchema`:
  // the executor must run the very schema Apollo validates against and introspects.
  const sorted = (schema: GraphQLSchema) => lexicographicSortSchema(schema);

  return {
    autoSchemaFile: true,
    // The one DateTime scalar (strict reading of inputs); a Date field without an explicit type maps to it too.
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    sortSchema: false,
    transformSchema: jit ? (schema: GraphQLSchema) => jit.useSchema(sorted(schema)) : sorted,
    // Queries compiled by graphql-jit (jit-executor.ts), through Apollo's gateway interface: its one way to replace execution.
    ...(jit ? { gateway: jit } : {}),
    path: '/graphql',
    playground: false,
    graphiql: false,
    introspection: !production,
    // No client sends persisted-query hashes; off, a hash is refused as BAD_USER_INPUT rather than cached.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    allowBatchedHttpRequests: false,
    context: ({ req, res }: { req: Request; res: Response }) => ({ req, res }),
    formatError,
    validationRules: armor.validationRules,
    // graphql-armor's and Apollo's typings come from different module formats (CJS/ESM); the runtime objects match.
    // Cache control off: we set no cache hints, and Apollo's default cache-control
    // plugin wraps every field resolver to collect them — a sixth of the
    // allocations of a dashboard request under load (bench/README.md).
    plugins: [...armor.plugins, responsePlugin(config), ApolloServerPluginCacheControlDisabled()] as unknown as ApolloDriverConfig['plugins'],
  };
}

/** Translates error messages per request and, when asked, reports SQL statements per request. */
function responsePlugin(config: AppConfig) {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, request }: WillSendResponse) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const ctx = contextOf(contextValue.req);
          for (const error of result.errors ?? []) noteErrorCode(contextValue.req, error.extensions?.code);
          if (result.errors && ctx) {
            result.errors = result.errors.map((error) => localizeError(withTokensFound(error, request?.query), ctx.locale, ctx.requestId));
          }
          if (config.EXPOSE_STATEMENT_COUNT) {
            result.extensions = { ...(result.extensions ?? {}), sqlStatements: statementsOf(contextValue.req) };
          }
        },
      };
    },
  };
}

interface WillSendResponse {
  request?: { query?: string };
  contextValue: { req: Request };
  response: { body: { kind: 'single'; singleResult: { errors?: readonly GraphQLFormattedError[]; extensions?: Record<string, unknown> } } | { kind: 'incremental' } };
}
