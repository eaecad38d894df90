import { ValidationOptions, registerDecorator } from 'class-validator';
import { DateTime } from 'luxon';
import { BadInputError } from '../errors/app-error';
import { MAX_YEAR, MIN_YEAR, isCalendarDay } from '../graphql/date-time.scalar';
import './date-time.messages';

/** A calendar date as YYYY-MM-DD that exists (no 2023-02-30), between 1900 and 2200. */
export function isDateOnly(value: unknown): value is string {
  return dateOnlyProblem(value) === undefined;
}

/** Why a value is not such a date (the message key's last part), or undefined when it is one. */
export function dateOnlyProblem(value: unknown): 'notDate' | 'impossible' | 'outOfRange' | undefined {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return 'notDate';
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  if (!isCalendarDay(year, month, day)) return 'impossible';
  if (year < MIN_YEAR || year > MAX_YEAR) return 'outOfRange';
  return undefined;
}

/** The refusal of a value that is not a date, as a whole sentence in the reader's language. */
export function dateOnlyError(value: unknown, field: string): BadInputError | undefined {
  const problem = dateOnlyProblem(value);
  if (!problem) return undefined;
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const key = problem === 'notDate' ? 'date.notDate' : `dateTime.${problem}`;
  return new BadInputError(key, { field, value: shown, date: shown }, { field, value: shown });
}

export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a date written YYYY-MM-DD', ...options },
      validator: { validate: isDateOnly },
    });
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return DateTime.now().setZone(timeZone).toISODate()!;
}
