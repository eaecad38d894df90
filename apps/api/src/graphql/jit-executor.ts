import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode, execute, getVariableValues, locatedError } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type SchemaListener = Parameters<Gateway['onSchemaLoadOrUpdate']>[0];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** What runs one operation: a compiled query, or graphql-js for what is not compiled. */
type Plan = { kind: 'jit'; compiled: CompiledQuery } | { kind: 'graphql-js' };

/**
 * graphql-jit (the executor Mercurius uses) behind Apollo Server 5 (issue 20).
 *
 * graphql-js walks the operation's AST for every field of every answer
 * (`executeFields`, `getArgumentValues`: an arguments object per field, ~2,500
 * fields in a dashboard answer, two fifths of the API's allocations under load).
 * graphql-jit compiles an operation once into plain functions; the same
 * resolvers run with the same arguments, context and `info`.
 *
 * Apollo 5 has no `executor` option any more; what replaces execution is its
 * `gateway` interface (a schema and an executor), which a federation gateway
 * uses. Everything before execution (parse, graphql-armor's limits,
 * validation, the context) and after it (`didEncounterErrors`, `formatError`,
 * the plugins' `willSendResponse`) stays Apollo's: only `execute` changes.
 *
 * Queries are compiled, cached by document and operation name in a bounded
 * LRU. Mutations (and subscriptions, of which the schema has none) run on
 * graphql-js: a mutation's time is its transaction, not its few fields, and
 * graphql-js's serial execution of mutation fields is the reference the
 * error tests were written against.
 */
export class JitExecutor implements Gateway {
  private schema?: GraphQLSchema;
  private readonly listeners = new Set<SchemaListener>();
  private readonly plans = new Map<string, Plan>();

  constructor(private readonly maxCachedOperations = 500) {}

  /** Takes the schema Nest built (`transformSchema`), unchanged. */
  useSchema(schema: GraphQLSchema): GraphQLSchema {
    this.schema = schema;
    this.plans.clear();
    return schema;
  }

  onSchemaLoadOrUpdate(callback: SchemaListener): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  async load(): Promise<{ executor: Executor }> {
    const schema = this.schema;
    if (!schema) throw new Error('JitExecutor: no schema (transformSchema did not run before Apollo started)');
    for (const listener of this.listeners) listener({ apiSchema: schema, coreSupergraphSdl: '' });
    return { executor: (requestContext) => this.execute(schema, requestContext) };
  }

  async stop(): Promise<void> {
    this.plans.clear();
  }

  private async execute(schema: GraphQLSchema, { document, operation, request, queryHash, context }: Parameters<Executor>[0]): Promise<ExecutionResult> {
    const operationName = request.operationName ?? null;
    // No operation resolved (several in the document and none named): graphql-js's refusal, which Apollo answers with 400.
    const plan = operation?.operation === 'query' ? this.planFor(schema, document, queryHash, operationName) : GRAPHQL_JS;
    if (plan.kind === 'graphql-js') return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    const refused = variableErrors(schema, operation, request.variables);
    if (refused) return { errors: refused };
    const result = await plan.compiled.query(undefined, context, request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  }

  /** The cached plan for an operation; the least recently used one leaves when the cache is full. */
  private planFor(schema: GraphQLSchema, document: DocumentNode, queryHash: string, operationName: string | null): Plan {
    const key = operationName === null ? queryHash : `${queryHash}:${operationName}`;
    let plan = this.plans.get(key);
    if (plan) {
      // A Map iterates in insertion order: moved to the end, it is the most recently used.
      this.plans.delete(key);
    } else {
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      // Validation passed before this point; what graphql-jit refuses to compile runs on graphql-js.
      plan = isCompiledQuery(compiled) ? { kind: 'jit', compiled } : GRAPHQL_JS;
      if (this.plans.size >= this.maxCachedOperations) this.plans.delete(this.plans.keys().next().value!);
    }
    this.plans.set(key, plan);
    return plan;
  }
}

const GRAPHQL_JS: Plan = { kind: 'graphql-js' };

/**
 * Variables refused as graphql-js refuses them (the same messages, and the
 * variable's definition node by which Apollo answers 400 BAD_USER_INPUT);
 * graphql-jit's own refusals carry no nodes. The compiled query coerces the
 * variables again: two variables in a dashboard, a few microseconds.
 */
function variableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): readonly GraphQLError[] | undefined {
  if (!operation.variableDefinitions?.length) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions, variables ?? {}, { maxErrors: 50 });
  return coerced.errors;
}

/**
 * A field error as graphql-js makes it (`locatedError`: the thrown error as
 * `originalError`, `extensions` always an object, a non-Error thrown value
 * wrapped), at graphql-jit's path and locations. graphql-jit's own error class
 * leaves `extensions` undefined, which Apollo's error formatting reads.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const path = error.path as (string | number)[] | undefined;
  const located =
    error.originalError !== undefined && error.originalError !== null
      ? locatedError(error.originalError, undefined, path)
      : new GraphQLError(error.message, { path, extensions: error.extensions });
  if (located.locations === undefined && error.locations) (located as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return located;
}
