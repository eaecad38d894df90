import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { SignOut } from '../accounts/sign-in.operations';
import { request } from './client';
import { useI18n } from './i18n';
import { LOCALES } from './messages';

const LANGUAGE_NAMES = { sv: 'Svenska', da: 'Dansk', en: 'English' } as const;

/** Skip link, header with the main navigation, and the page in a focusable <main>. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, viewer, setViewer, locale, setLocale } = useI18n();
  const navigate = useNavigate();
  // The registers are a secretariat's tools. My page says whether the person may use them in its one request (where
  // sign-in leads), and the tab remembers it with the rest of the viewer: the layout makes no request of its own.
  const registers = viewer?.registers === true;

  async function signOut(everywhere: boolean) {
    await request(SignOut, { everywhere }).catch(() => undefined);
    setViewer(null);
    await navigate({ to: '/sign-in', search: { next: undefined } });
  }

  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.nav')}>
          <ul>
            {viewer && (
              <li>
                <Link to="/">{t('app.myPage')}</Link>
              </li>
            )}
            {viewer && (
              <li>
                <Link to="/seats">{t('app.mySeats')}</Link>
              </li>
            )}
            {viewer && (
              <li>
                <Link to="/commissions">{t('commission.listTitle')}</Link>
              </li>
            )}
            {viewer && registers && (
              <li>
                <Link to="/people">{t('app.people')}</Link>
              </li>
            )}
            {viewer && registers && (
              <li>
                <Link to="/organisations">{t('app.organisations')}</Link>
              </li>
            )}
            {viewer && (
              <li>
                <Link to="/settings">{t('app.settings')}</Link>
              </li>
            )}
            {viewer && (
              <li>
                <button type="button" className="link" onClick={() => void signOut(false)}>
                  {t('app.signOut')}
                </button>
              </li>
            )}
            {!viewer && (
              <li>
                <label>
                  <span className="visually-hidden">{t('app.language')}</span>
                  <select value={locale} onChange={(e) => setLocale(e.target.value as typeof locale)}>
                    {LOCALES.map((l) => (
                      <option key={l} value={l} lang={l}>
                        {LANGUAGE_NAMES[l]}
                      </option>
                    ))}
                  </select>
                </label>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
