import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { PAGE_CSP } from '../page-csp';
import { renderMinutesPage } from './minutes-page';
import { MinutesService } from './minutes.service';

/** The minutes as a printable, accessible page, with the same auth as the API (a bearer token). */
@Controller('meetings')
export class MinutesPageController {
  constructor(private readonly minutes: MinutesService) {}

  @Allow(Permission.Authenticated)
  @Get(':id/minutes')
  async page(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const data = await this.minutes.pageData(ctx, id);
    res.type('text/html; charset=utf-8').setHeader('Content-Security-Policy', PAGE_CSP).setHeader('Cache-Control', 'private, no-store').send(renderMinutesPage(data, ctx.locale));
  }
}
