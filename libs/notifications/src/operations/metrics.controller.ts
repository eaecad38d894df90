import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, Allow, AppConfig, Permission, UnauthenticatedError } from '@samverkan/core';
import { MetricsService } from './metrics.service';

/**
 * Prometheus scrape endpoint: counts only, no personal data. With METRICS_TOKEN
 * set, the scraper sends it as a bearer token; in production without one the
 * endpoint does not exist.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Allow(Permission.Public)
  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const expected = this.config.METRICS_TOKEN;
    if (!expected && this.config.NODE_ENV === 'production') throw new NotFoundException();
    if (expected) {
      const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, expected)) throw new UnauthenticatedError();
    }
    const { contentType, body } = await this.metrics.render();
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
