import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { AccessModule } from '@samverkan/access';
import { ConfigModule, CoreModule } from '@samverkan/core';
import { SeedsModule, SeederService } from '@samverkan/seeds';

@Module({ imports: [ConfigModule.forRoot(), CoreModule, AccessModule, SeedsModule] })
class SeedCliModule {}

/** Loads the four seed situations and the demo logins (skipped on a non-empty database with --if-empty). */
export async function runSeed(ifEmpty: boolean): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedCliModule, { logger: ['error'] });
  try {
    const result = await app.get(SeederService).seed({ ifEmpty });
    process.stdout.write(
      result.skipped
        ? 'Demo data: the database already holds commissions; nothing loaded.\n'
        : `Demo data loaded: ${Object.entries(result.counts).map(([k, v]) => `${v} ${k}`).join(', ')}.\n`,
    );
  } finally {
    await app.close();
  }
}
