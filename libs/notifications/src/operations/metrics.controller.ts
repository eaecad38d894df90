import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Allow, Permission } from '@samverkan/core';
import { MetricsService } from './metrics.service';

/** Prometheus scrape endpoint: counts only, no personal data. */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Allow(Permission.Public)
  @Get()
  async scrape(@Res() res: Response): Promise<void> {
    const { contentType, body } = await this.metrics.render();
    res.setHeader('Content-Type', contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }
}
