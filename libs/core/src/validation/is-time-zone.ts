import { ValidationOptions, registerDecorator } from 'class-validator';
import { IANAZone } from 'luxon';

/** An IANA time zone name such as Europe/Copenhagen (not an offset like +01:00). */
export function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && /^(UTC|[A-Z][A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2})$/.test(value) && IANAZone.isValidZone(value);
}

export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an IANA time zone such as Europe/Stockholm', ...options },
      validator: { validate: isTimeZone },
    });
}
