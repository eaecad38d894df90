import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../../prisma-free-schema/migrations';
import { AppConfig } from '../config/config.schema';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { StatementCountingLogger } from './statement-counter';

/** One place that says how Samverkan talks to PostgreSQL. `synchronize` is never on. */
export function dataSourceOptions(config: AppConfig, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    applicationName,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['query', 'error'],
    logger: new StatementCountingLogger(),
    extra: {
      max: config.DATABASE_POOL_SIZE,
      // A statement that runs away is stopped rather than holding a connection.
      statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS,
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
    },
  };
}
