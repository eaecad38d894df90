import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { ForbiddenError } from '../errors/app-error';
import { RequestContext } from './request-context';
import { contextOf } from './request-context.middleware';

/** Injects the RequestContext into a resolver or controller method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const req =
    context.getType<GqlContextType>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req: Request }>().req
      : context.switchToHttp().getRequest<Request>();
  const ctx = contextOf(req);
  if (!ctx) throw new ForbiddenError();
  return ctx;
});

/** GraphQL's own per-request context value (what `graphqlOptions` builds). */
export interface GqlContext {
  req: Request;
}

/**
 * The RequestContext from GraphQL's context value, for field resolvers on hot
 * list paths written as `(parent, args, context)` without Nest parameter
 * decorators. Such a method is called by GraphQL directly (Nest's fast field
 * resolver path) instead of through Nest's per-call parameter and pipe
 * pipeline: on a 200-seat dashboard (~500 field calls) that pipeline was about
 * a quarter of all allocations and a fifth of the CPU (bench/README.md).
 * Field resolvers run no guards either way (fieldResolverEnhancers is empty).
 */
export function gqlCtx(context: GqlContext): RequestContext {
  const ctx = contextOf(context.req);
  if (!ctx) throw new ForbiddenError();
  return ctx;
}
