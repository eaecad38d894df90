import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { AppConfig, parseConfig } from './config.schema';

/** Injection token for the validated, typed configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * Validates the environment once at boot (schema: config.schema.ts). `overrides`
 * lets a test give its own database or ports without touching process.env.
 * The values are also loaded into @nestjs/config's ConfigService for libraries
 * that expect it; our own code injects APP_CONFIG, which is typed.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    const config = parseConfig({ ...process.env, ...overrides });
    return {
      module: ConfigModule,
      imports: [NestConfigModule.forRoot({ ignoreEnvFile: true, load: [() => config] })],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

export function publicUrl(config: AppConfig): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
