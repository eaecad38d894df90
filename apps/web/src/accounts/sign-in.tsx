import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, OfflineNotice, asFailure, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { loadMessages } from '../core/messages';
import { Heading } from '../core/page';
import { safeNext } from '../core/session';
import { SignIn } from './sign-in.operations';

/** Sign-in: sets the httpOnly session cookie (the report pages and the queue dashboard share it), then back to `next`. */
export function SignInPage() {
  const { t, setViewer } = useI18n();
  const navigate = useNavigate();
  const search: { next?: string } = useSearch({ strict: false });
  const next = safeNext(search.next);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [offline, setOffline] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // Whoever was signed in in this tab is not any more (or is about to change).
  useEffect(() => setViewer(null), [setViewer]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const found: FieldError[] = [];
    setOffline(false);
    if (!email) found.push({ field: 'email', message: t('form.required', { field: t('signIn.email') }) });
    if (!password) found.push({ field: 'password', message: t('form.required', { field: t('signIn.password') }) });
    if (found.length === 0) {
      setBusy(true);
      try {
        const { signInBrowser } = await request(SignIn, { input: { email, password } });
        const p = signInBrowser.person;
        // The page after sign-in opens in the person's language: its texts are fetched before leaving this one.
        await loadMessages(p.locale).catch(() => undefined);
        setViewer({ personId: p.id, name: p.fullName, locale: p.locale, timeZone: p.timeZone });
        await navigate({ href: next, replace: true });
        return;
      } catch (error) {
        const failed = asFailure(error);
        if (failed.kind === 'network') {
          // The form keeps what was typed; the notice offers to send it again.
          setOffline(true);
          setErrors([]);
          return;
        }
        found.push({ field: 'password', message: failed.errors[0]?.message ?? t('app.failed', { code: failed.kind }) });
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
    requestAnimationFrame(() => summary.current?.focus());
  }

  const errorOf = (field: string) => errors.find((e) => e.field === field);
  return (
    <>
      <Heading>{t('signIn.title')}</Heading>
      <p>{next !== '/' ? t('signIn.expired') : t('signIn.intro')}</p>
      <ErrorSummary ref={summary} errors={errors} />
      <OfflineNotice onRetry={offline ? () => form.current?.requestSubmit() : null} />
      <form ref={form} className="stack narrow" noValidate onSubmit={submit}>
        <label htmlFor="email">{t('signIn.email')}</label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={320} aria-invalid={errorOf('email') ? true : undefined} aria-describedby={errorOf('email') ? 'email-error' : undefined} />
        {errorOf('email') && (
          <p id="email-error" className="field-error">
            {errorOf('email')!.message}
          </p>
        )}
        <label htmlFor="password">{t('signIn.password')}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} aria-invalid={errorOf('password') ? true : undefined} aria-describedby={errorOf('password') ? 'password-error' : undefined} />
        {errorOf('password') && (
          <p id="password-error" className="field-error">
            {errorOf('password')!.message}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </>
  );
}
