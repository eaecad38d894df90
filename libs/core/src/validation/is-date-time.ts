import { ValidationOptions, registerDecorator } from 'class-validator';
import { InvalidDateTime, LocalDateTime } from '../graphql/date-time.scalar';

/**
 * A DateTime input as the DateTime scalar reads it: an instant, or a
 * wall-clock time to be placed in a zone (see `inTimeZone`, `instantOf`).
 * Anything the scalar could not read was already refused by the validation pipe.
 */
export function IsDateTimeInput(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateTimeInput',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be a date and time', ...options },
      validator: { validate: (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime())) || value instanceof LocalDateTime },
    });
}

/** Where in an argument the DateTime scalar left a value it could not read, or undefined. */
export function invalidDateTimeIn(value: unknown, path = '', depth = 0): { path: string; invalid: InvalidDateTime } | undefined {
  if (value instanceof InvalidDateTime) return { path: path || 'value', invalid: value };
  if (depth > 20 || value === null || typeof value !== 'object' || value instanceof Date) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = invalidDateTimeIn(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}
