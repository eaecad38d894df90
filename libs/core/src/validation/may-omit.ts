import { ValidateIf } from 'class-validator';

/**
 * A field an update may leave out (to keep it) but not set to null: unlike
 * `@IsOptional()`, an explicit null is validated, so the field's own rules
 * refuse it as bad input instead of it reaching a NOT NULL column or being
 * dropped without a word.
 */
export function MayOmit(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
