import { QueryFailedError } from 'typeorm';
import { AppError, BadInputError, ConflictError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-codes';

interface ConstraintRule {
  code: ErrorCode.CONFLICT | ErrorCode.BAD_USER_INPUT | ErrorCode.NOT_FOUND;
  messageKey: string;
}

const constraintRules = new Map<string, ConstraintRule>();

/**
 * Areas name the constraints (and trigger errors raised with CONSTRAINT = …) they
 * own, and the error a user sees when one is violated.
 */
export function registerConstraintErrors(rules: Record<string, ConstraintRule>): void {
  for (const [name, rule] of Object.entries(rules)) constraintRules.set(name, rule);
}

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
  column?: string;
  message?: string;
}

const badInputStates = new Set([
  '22001', // string_data_right_truncation
  '22003', // numeric_value_out_of_range
  '22007', // invalid_datetime_format
  '22008', // datetime_field_overflow
  '22P02', // invalid_text_representation
  '22023', // invalid_parameter_value (e.g. an unknown time zone)
  '22021', // character_not_in_repertoire (NUL bytes)
  '22P05', // untranslatable_character (\u0000 in jsonb)
  '54000', // program_limit_exceeded
]);

/**
 * Turns a database refusal into the typed error a user should see. Returns
 * undefined for anything that is a real internal failure.
 */
export function fromPostgresError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const pg = (error instanceof QueryFailedError ? (error.driverError as PgError) : (error as PgError)) ?? {};
  if (typeof pg.code !== 'string') return undefined;
  const rule = pg.constraint ? constraintRules.get(pg.constraint) : undefined;
  const params = { details: pg.constraint ?? pg.code, constraint: pg.constraint };
  if (rule) {
    return new AppError(rule.code, rule.messageKey, params, { constraint: pg.constraint });
  }
  switch (pg.code) {
    case '23505':
    case '23P01':
      return new ConflictError('common.conflict', params, { constraint: pg.constraint });
    case '23503':
      return new ConflictError('common.conflict', params, { constraint: pg.constraint });
    case '23514':
    case '23502':
      return new BadInputError('common.invalidInput', params, { constraint: pg.constraint });
    case '40001':
    case '40P01':
      return new ConflictError('common.concurrentUpdate');
  }
  if (badInputStates.has(pg.code)) {
    return new BadInputError(pg.code === '22023' ? 'common.invalidParameter' : 'common.malformedValue');
  }
  return undefined;
}
