import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { StakeholdersService } from './stakeholders.service';

/** The stakeholder register as a CSV download, with the same auth as the API. */
@Controller('commissions')
export class StakeholdersController {
  constructor(private readonly stakeholders: StakeholdersService) {}

  @Allow(Permission.Authenticated)
  @Get(':id/stakeholders.csv')
  async csv(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const body = await this.stakeholders.csv(ctx, id);
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="stakeholders-${id}.csv"`).send(body);
  }
}
