import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, type ReactNode } from 'react';
import type { RequestFailed } from './client';
import { useI18n } from './i18n';
import { signInPath } from './session';

let navigated = false;
/** Called by the router after the first page: from then on each page's heading takes the focus. */
export function markNavigated(): void {
  navigated = true;
}

/** The page's h1; after a navigation it receives the focus, so a screen reader announces the new page. */
export function Heading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (navigated) ref.current?.focus();
  }, []);
  useEffect(() => {
    if (typeof children === 'string') document.title = `${children} – Samverkan`;
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}

/** What a failed page load shows: sign-in when the session ended, a page that says so for unknown or forbidden ids, a retry when offline. */
export function Failed({ error, retry }: { error: RequestFailed; retry(): void }) {
  const { t, viewer } = useI18n();
  const navigate = useNavigate();
  useEffect(() => {
    if (error.kind === 'unauthenticated') void navigate({ href: signInPath(), replace: true });
  }, [error, navigate]);
  if (error.kind === 'unauthenticated') return <Loading />;
  // The API cannot say "not yours" without saying "it exists": a link sent to someone else lands here too.
  if (error.kind === 'not-found') return <NotFoundPage signInAsOwner />;
  if (error.kind === 'forbidden') {
    return (
      <>
        <Heading>{t('forbidden.title')}</Heading>
        <p>{t('forbidden.body', { name: viewer?.name ?? '' })}</p>
        <p>
          <a href={signInPath()}>{t('signIn.title')}</a>
        </p>
      </>
    );
  }
  return (
    <div role="alert">
      <p>{error.kind === 'network' ? t('app.offline') : t('app.failed', { code: error.errors[0]?.code ?? error.kind })}</p>
      <button type="button" onClick={retry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

export function NotFound() {
  return <NotFoundPage signInAsOwner={false} />;
}

/** "Not found"; for an item that did not load while someone is signed in, it offers to sign in as the person the link was meant for. */
function NotFoundPage({ signInAsOwner }: { signInAsOwner: boolean }) {
  const { t, viewer } = useI18n();
  return (
    <>
      <Heading>{t('notFound.title')}</Heading>
      <p>{t('notFound.body')}</p>
      {signInAsOwner && viewer && (
        <p>
          {t('notFound.otherPerson', { name: viewer.name })} <a href={signInPath()}>{t('notFound.signInAsOwner')}</a>
        </p>
      )}
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
