import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Ctx, Permission, RequestContext } from '@samverkan/core';
import { RegistrationsService } from './registrations.service';

/**
 * An open event's registrant list as a CSV download for its secretariat: a route,
 * so the page's link downloads it with the session cookie and a file name, as the
 * seat grid's and the stakeholders' exports do.
 */
@Controller('meetings')
export class RegistrationExportController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Allow(Permission.Authenticated)
  @Get(':id/registrations.csv')
  async csv(@Ctx() ctx: RequestContext, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const { name, body } = await this.registrations.csv(ctx, id);
    res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}"`).send(body);
  }
}
