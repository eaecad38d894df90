import { forwardRef, useCallback, useRef, useState, type ReactNode } from 'react';
import { RequestFailed } from './client';
import { useI18n } from './i18n';
import { problemsOf, type FieldError } from './problems';
import { signInPath } from './session';

export { problemsOf, withLabel, type FieldError } from './problems';

/** The form's problems at its top, each a link to its field; it takes the focus when the form is sent with errors. */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: FieldError[] }>(function ErrorSummary({ errors }, ref) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('form.errors', { count: errors.length })}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
});

/** The visible label of an input of this page (its own text, not a hint inside it), or its aria-label. */
export function labelInPage(id: string): string | undefined {
  const element = document.getElementById(id);
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? (element?.tagName === 'FIELDSET' ? element.querySelector('legend') : null);
  // A label that is clear only inside its fieldset ("First day" of "Period 2") names itself in full for the summary.
  const full = label?.getAttribute('data-summary-label');
  if (full) return full;
  const own = label ? [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim() : '';
  return own || label?.textContent?.trim() || element?.getAttribute('aria-label') || undefined;
}

/** The problem of one field, under its label, tied to the input by `aria-describedby` (`<id>-error`). */
export function FieldProblem({ id, errors }: { id: string; errors: FieldError[] }) {
  const error = errors.find((e) => e.field === id);
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {error.message}
    </p>
  );
}

/**
 * One labelled control in a `.field` box: its label, its hint (`<id>-hint`), its problem,
 * then the control, which ties itself to them with `described(id, errors, '<id>-hint')` (or without a hint, `described(id, errors)`).
 */
export function Field({ id, label, hint, errors, children }: { id: string; label: ReactNode; hint?: ReactNode; errors: FieldError[]; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldProblem id={id} errors={errors} />
      {children}
    </div>
  );
}

/** The props that tie an input to its problem: `aria-invalid` and `aria-describedby`. */
export function described(id: string, errors: FieldError[], hint?: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const bad = errors.some((e) => e.field === id);
  const ids = [hint, bad ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return { ...(bad ? { 'aria-invalid': true as const } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
}

/** The form's problems and its summary: `fail` turns a refusal into problems at their fields and moves the focus to the summary. */
export function useProblems() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const show = useCallback((found: FieldError[]) => {
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
  }, []);
  const fail = useCallback(
    /** `names` maps the API's field names to this form's input ids where they differ ("code" → "area-4-code"). */
    (error: unknown, fallback: string, names: Record<string, string> = {}) => {
      if (error instanceof RequestFailed && error.kind === 'unauthenticated') {
        signInAgain();
        return;
      }
      show(problemsOf(error, fallback, (path) => names[path] ?? fieldIdInPage(path), t, labelInPage));
    },
    [show, t],
  );
  const [busy, setBusy] = useState(false);
  /** Sends the form: its problems cleared, `busy` while `work` runs, a refusal shown as `fail` shows it. */
  const send = useCallback(
    async (work: () => Promise<void>, fallback: string, names?: Record<string, string>) => {
      show([]);
      setBusy(true);
      try {
        await work();
      } catch (error) {
        fail(error, fallback, names);
      } finally {
        setBusy(false);
      }
    },
    [fail, show],
  );
  return { errors, setErrors: show, fail, summary, busy, send };
}

/** The input of an API field path in this page: "objectives.1.text" → #objectives-1-text, else the first segment's element. */
export function fieldIdInPage(path: string): string | undefined {
  const whole = path.replace(/\./g, '-');
  if (document.getElementById(whole)) return whole;
  const first = path.split('.')[0];
  return document.getElementById(first) ? first : undefined;
}

/**
 * A request a button sends outside a form: `busy` while it runs; no connection sets
 * `offline` (OfflineNotice offers to send it again); a refusal sets `message` to what the
 * API said; an ended session goes to sign-in. `run` answers what to say when it went through.
 */
export function useButtonRequest(run: () => Promise<string | null>) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  async function send() {
    setBusy(true);
    setOffline(false);
    setMessage(null);
    try {
      setMessage(await run());
    } catch (error) {
      const failed = asFailure(error);
      if (failed.kind === 'unauthenticated') return signInAgain();
      if (failed.kind === 'network') setOffline(true);
      else setMessage(failed.errors[0]?.message ?? t('app.failed', { code: failed.kind }));
    } finally {
      setBusy(false);
    }
  }
  return { busy, offline, message, send };
}

/** Whatever a request threw, as the client's failure. */
export function asFailure(error: unknown): RequestFailed {
  return error instanceof RequestFailed ? error : new RequestFailed('other');
}

/**
 * The session ended while a form was being sent: to sign-in and back to this
 * page. Forms keep what was typed as a draft in sessionStorage (core/session.ts),
 * so the page shows it again after signing in.
 */
export function signInAgain(): void {
  window.location.assign(signInPath());
}

/**
 * A form's request found no connection: says that what was typed is kept (it
 * is: the form is left as it was) and offers to send it again. `onRetry` null
 * shows nothing.
 */
export function OfflineNotice({ onRetry }: { onRetry: (() => void) | null }) {
  const { t } = useI18n();
  if (!onRetry) return null;
  return (
    <div className="offline" role="alert">
      <p>{t('app.offline')}</p>
      <button type="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
