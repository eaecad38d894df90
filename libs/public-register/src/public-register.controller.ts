import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, Allow, Ctx, DEFAULT_LOCALE, Permission, RequestContext, chooseLocale, publicUrl } from '@samverkan/core';
import { atomFeed, jsonFeed } from './public-register-feeds';
import { PublicRegisterService } from './public-register.service';

/**
 * The public register as feeds, for anyone: Atom and JSON Feed, in the reader's
 * language (`?lang=`, else Accept-Language). Only the published parts; a
 * commission not published is a 404 like one that does not exist.
 */
@Controller('public/commissions')
export class PublicRegisterController {
  constructor(
    private readonly registers: PublicRegisterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private locale(req: Request, ctx: RequestContext) {
    return chooseLocale({ asked: req.query.lang, header: req.headers['accept-language'], fallback: ctx?.defaultLocale ?? DEFAULT_LOCALE });
  }

  @Allow(Permission.Public)
  @Get(':id/feed.atom')
  async atom(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const register = await this.registers.register(id);
    res.type('application/atom+xml; charset=utf-8').setHeader('Cache-Control', 'public, max-age=300').send(atomFeed(register, this.locale(req, ctx), publicUrl(this.config)));
  }

  @Allow(Permission.Public)
  @Get(':id/feed.json')
  async json(@Ctx() ctx: RequestContext, @Req() req: Request, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const register = await this.registers.register(id);
    res.type('application/feed+json; charset=utf-8').setHeader('Cache-Control', 'public, max-age=300').send(JSON.stringify(jsonFeed(register, this.locale(req, ctx), publicUrl(this.config)), null, 2));
  }
}
