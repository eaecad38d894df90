import { Controller, Get, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { APP_CONFIG, Allow, AppConfig, Permission } from '@samverkan/core';

/** Checks that Redis answers PING within a second. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.client = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000, enableOfflineQueue: false });
    this.client.on('error', () => undefined);
  }

  async check(key: string) {
    const indicator = this.indicators.check(key);
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      await Promise.race([this.client.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}

/** Liveness (the process answers) and readiness (database and Redis answer). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Allow(Permission.Public)
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Allow(Permission.Public)
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 }), () => this.redis.check('redis')]);
  }
}
