import { AsyncLocalStorage } from 'node:async_hooks';
import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';

export interface StatementScope {
  count: number;
}

const storage = new AsyncLocalStorage<StatementScope>();

/** Runs `fn` in a fresh scope that counts the SQL statements issued inside it. */
export function runInStatementScope<T>(fn: (scope: StatementScope) => T): T {
  const scope: StatementScope = { count: 0 };
  return storage.run(scope, () => fn(scope));
}

/**
 * TypeORM logger that counts statements per request (for the N+1 tests and the
 * benchmark) and otherwise stays quiet: query errors become typed errors and are
 * logged where they are handled.
 */
export class StatementCountingLogger extends AbstractLogger {
  override logQuery(_query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const scope = storage.getStore();
    if (scope) scope.count += 1;
  }

  protected override writeLog(_level: LogLevel, _message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    // Intentionally silent; see the class comment.
  }
}
