import { ValidationOptions, registerDecorator } from 'class-validator';
import { DateTime } from 'luxon';

/** A calendar date as YYYY-MM-DD that exists (no 2023-02-30), between 1900 and 2200. */
export function isDateOnly(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = DateTime.fromISO(value, { zone: 'UTC' });
  return date.isValid && date.year >= 1900 && date.year <= 2200;
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
