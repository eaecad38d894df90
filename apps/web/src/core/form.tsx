import { forwardRef } from 'react';
import { RequestFailed } from './client';
import { useI18n } from './i18n';
import { signInPath } from './session';

export interface FieldError {
  field: string;
  message: string;
}

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
