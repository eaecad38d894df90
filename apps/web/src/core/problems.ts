import { RequestFailed } from './client';
import type { FieldError } from './form';

/**
 * A refusal as the form's problems, each at the field it concerns: a validation
 * refusal names each field with its own sentence; another refusal names one field
 * (`details.field`) or none (then `fallback`, the field the action belongs to).
 * `fieldId` maps the API's field path ("objectives.1.text") to the form's input id;
 * `labelOf` gives that input's label, which replaces the API's name of the field in
 * its sentence ("name skal være…" reads "Navn skal være…", as the reader sees it).
 */
export function problemsOf(
  error: unknown,
  fallback: string,
  fieldId: (path: string) => string | undefined,
  t: (key: 'app.offline' | 'app.failed', values?: Record<string, string>) => string,
  labelOf: (id: string) => string | undefined = () => undefined,
): FieldError[] {
  const failed = error instanceof RequestFailed ? error : new RequestFailed('other');
  if (failed.kind === 'network') return [{ field: fallback, message: t('app.offline') }];
  const first = failed.errors[0];
  if (!first) return [{ field: fallback, message: t('app.failed', { code: failed.kind }) }];
  if (first.problems?.length) {
    const found = new Map<string, string>();
    for (const p of first.problems) {
      const mapped = fieldId(p.field);
      const id = mapped ?? fallback;
      const message = withLabel(p.message, p.field, mapped && labelOf(mapped));
      found.set(id, found.has(id) ? `${found.get(id)} ${message}` : message);
    }
    return [...found].map(([field, message]) => ({ field, message }));
  }
  const field = first.fields?.[0];
  const id = field && fieldId(field);
  return [{ field: id || fallback, message: field && id ? withLabel(first.message, field, labelOf(id)) : first.message }];
}

/** The API's sentence about a field with the field's label for its path: "objectives.1.text must…" → "Text must…". */
export function withLabel(message: string, path: string, label: string | undefined): string {
  if (!label) return message;
  const at = message.indexOf(path);
  // Only the path as a word of its own ("name", not the "name" inside "fullName").
  if (at < 0 || /[\w.]/.test(message[at - 1] ?? '') || /[\w]/.test(message[at + path.length] ?? '')) return message;
  const text = at === 0 ? label.charAt(0).toUpperCase() + label.slice(1) : label;
  return message.slice(0, at) + text + message.slice(at + path.length);
}

