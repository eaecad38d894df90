import { Locale, interpolate } from '../i18n/locale';
import { ErrorCode } from './error-codes';
import { messageFor } from './messages';
import { ENTITY_LABELS, EntityName } from './entity-labels';

/**
 * An error a user may see. It carries a code for `extensions.code`, a message key
 * rendered in the caller's language, and safe details (never SQL or stacks).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
    readonly details?: Record<string, unknown>,
  ) {
    super(render(messageKey, params, 'en'));
    this.name = 'AppError';
  }

  localized(locale: Locale): string {
    return render(this.messageKey, this.params, locale);
  }
}

function render(key: string, params: Record<string, unknown>, locale: Locale): string {
  const texts = messageFor(key);
  return texts ? interpolate(texts[locale], params, locale) : key;
}

/** "Kommissionen med id … finns inte": the entity named in the reader's language ({@link ENTITY_LABELS}). */
export class NotFoundError extends AppError {
  constructor(entity: EntityName, id: string, messageKey = 'common.notFound') {
    super(ErrorCode.NOT_FOUND, messageKey, { entity: ENTITY_LABELS[entity], id }, { entity, id });
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = 'auth.forbidden', params: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, messageKey, params);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(messageKey = 'auth.unauthenticated') {
    super(ErrorCode.UNAUTHENTICATED, messageKey);
  }
}

export class BadInputError extends AppError {
  constructor(messageKey: string, params: Record<string, unknown> = {}, details?: Record<string, unknown>) {
    super(ErrorCode.BAD_USER_INPUT, messageKey, params, details);
  }

  /** A field-level problem: `messageKey` is a whole sentence with a {field} placeholder (e.g. `validation.maxLength`). */
  static field(field: string, messageKey: string, params: Record<string, unknown> = {}): BadInputError {
    return new BadInputError(messageKey, { field, ...params }, { field });
  }
}

export class ConflictError extends AppError {
  constructor(messageKey: string, params: Record<string, unknown> = {}, details?: Record<string, unknown>) {
    super(ErrorCode.CONFLICT, messageKey, params, details);
  }
}

/** The disk is full (ENOSPC) or over quota (EDQUOT): nothing was stored. */
export class StorageFullError extends AppError {
  constructor() {
    super(ErrorCode.STORAGE_FULL, 'common.storageFull');
  }
}

/** Whether a file-system error means the disk is full or over quota. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export class RateLimitedError extends AppError {
  constructor(minutes: number) {
    super(ErrorCode.RATE_LIMITED, 'auth.rateLimited', { minutes }, { retryAfterMinutes: minutes });
  }
}
