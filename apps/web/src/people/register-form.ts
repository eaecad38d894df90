import { RequestFailed } from '../core/client';
import { labelInPage, withLabel, type FieldError } from '../core/form';
import type { MessageKey } from '../core/messages';

/**
 * The errors a refused request shows: each at the field the server named (mapped to
 * the form's own field ids), else at `fallback`. A session that ended goes to sign-in
 * with the page kept as the way back.
 */
export function fieldErrors(error: unknown, fallback: string, t: (key: MessageKey, values?: Record<string, string | number>) => string, ids: Record<string, string> = {}): FieldError[] {
  const failed = error instanceof RequestFailed ? error : new RequestFailed('other');
  if (failed.kind === 'unauthenticated') {
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    return [];
  }
  if (failed.kind === 'network') return [{ field: fallback, message: t('app.offline') }];
  if (failed.errors.length === 0) return [{ field: fallback, message: t('app.failed', { code: failed.kind }) }];
  return failed.errors.map((e) => {
    const named = e.fields?.[0];
    const field = named ? (ids[named] ?? named) : fallback;
    // The sentence names the field by its label, as the reader sees it, not by the API's name.
    return { field, message: named ? withLabel(e.message, named, labelInPage(field)) : e.message };
  });
}

export function errorAt(errors: FieldError[], field: string): FieldError | undefined {
  return errors.find((e) => e.field === field);
}
