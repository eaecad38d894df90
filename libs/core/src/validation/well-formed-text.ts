import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { BadInputError } from '../errors/app-error';

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
 * it one check of every string argument for text that no column could hold.
 */
export class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom' && (metadata.type as string) !== 'context' && (metadata.type as string) !== 'info' && (metadata.type as string) !== 'root') {
      const at = illFormedTextAt(value, metadata.data ?? '');
      if (at) throw BadInputError.field(at, 'contains a NUL character or an unpaired surrogate');
    }
    return super.transform(value, metadata);
  }
}
