import { DataSource, EntityManager } from 'typeorm';
import { fromPostgresError } from './postgres-errors';

/**
 * Runs `work` in one transaction and turns database refusals (constraints,
 * exclusion, triggers) into typed errors. Nothing is half-written: any error
 * rolls the whole unit back.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    throw fromPostgresError(error) ?? error;
  }
}
