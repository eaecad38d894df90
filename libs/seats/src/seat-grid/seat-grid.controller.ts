import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { SeatGridService } from './seat-grid.service';

/**
 * The seat grid as a CSV download. A route rather than a GraphQL field: the page's
 * link downloads it with the session cookie and a file name (Content-Disposition),
 * as the commission's other exports (stakeholders, deliverables) do.
 */
@Controller('working-groups')
export class SeatGridController {
  constructor(private readonly grid: SeatGridService) {}

  @Allow(Permission.Authenticated)
  @Get(':id/seats.csv')
  async csv(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const { name, body } = await this.grid.csv(ctx, id);
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}"`).send(body);
  }
}
