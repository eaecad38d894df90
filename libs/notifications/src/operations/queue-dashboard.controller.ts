import { All, Controller, Next, Req, Res } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Allow, Permission, QueueService } from '@samverkan/core';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The bull-board dashboard behind the global guard: every page, asset and API
 * call under /admin/queues needs the Bearer token of an administrator.
 */
@Controller(QUEUE_DASHBOARD_PATH.slice(1))
export class QueueDashboardController {
  private handler?: RequestHandler;

  constructor(private readonly queues: QueueService) {}

  @Allow(Permission.Admin)
  @All(['', '{*path}'])
  serve(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    const handler = (this.handler ??= this.build());
    req.url = req.originalUrl.slice(QUEUE_DASHBOARD_PATH.length) || '/';
    handler(req, res, next);
  }

  private build(): RequestHandler {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({ queues: this.queues.allQueues().map((queue) => new BullMQAdapter(queue, { readOnlyMode: false })), serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'] });
    return adapter.getRouter() as RequestHandler;
  }
}
