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
