import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { AppError, BadInputError } from '../errors/app-error';
import './constraint-messages';
import { dateOnlyError } from './is-date-only';
import { invalidDateTimeIn } from './is-date-time';

/**
 * Where in a value a string holds a NUL character or an unpaired UTF-16
 * surrogate, or undefined. Postgres cannot store NUL in text or jsonb, an
 * unpaired surrogate becomes U+FFFD on the way (the value would not read back
 * as written), and validator.js's isEmail throws URIError on one.
 */
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function illFormedTextAt(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return ILL_FORMED.test(value) ? path || 'value' : undefined;
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = illFormedTextAt(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The API's validation pipe: class-validator on every input class, and before
 * it one check of every string argument for text that no column could hold
 * and of every DateTime the scalar could not read. Dates and date-times are
 * refused with their own whole sentence (which field, what is wrong with the
 * value) rather than the generic invalid-input text.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor(options?: ValidationPipeOptions) {
    super(options);
    const generic = this.exceptionFactory;
    this.exceptionFactory = (errors: ValidationError[]) => dateErrorIn(errors) ?? generic(errors);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom' && (metadata.type as string) !== 'context' && (metadata.type as string) !== 'info' && (metadata.type as string) !== 'root') {
      const at = illFormedTextAt(value, metadata.data ?? '');
      if (at) throw BadInputError.field(at, 'validation.illFormedText');
      const invalid = invalidDateTimeIn(value);
      if (invalid) throw invalid.invalid.error(invalid.path);
    }
    return super.transform(value, metadata);
  }
}

/** The first YYYY-MM-DD field that class-validator refused, as its own error. */
function dateErrorIn(errors: ValidationError[], prefix = ''): AppError | undefined {
  for (const error of errors) {
    const path = `${prefix}${error.property}`;
    if (error.constraints?.isDateOnly) return dateOnlyError(error.value, path);
    const inner = dateErrorIn(error.children ?? [], `${path}.`);
    if (inner) return inner;
  }
  return undefined;
}
