import { Link, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { SignOut } from '../accounts/sign-in.operations';
import { request } from './client';
import { useI18n } from './i18n';
import { LOCALES } from './messages';

// A header link is the current page (aria-current) on that page only, not on every page under it (a commission's deliverables are not the list of commissions).
const EXACT = { exact: true } as const;

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
                <Link to="/seats" activeOptions={EXACT}>{t('app.mySeats')}</Link>
              </li>
            )}
            {viewer && (
              <li>
                <Link to="/commissions" activeOptions={EXACT}>{t('commission.listTitle')}</Link>
              </li>
            )}
            {viewer && registers && (
              <li>
                <Link to="/people" activeOptions={EXACT}>{t('app.people')}</Link>
              </li>
            )}
            {viewer && registers && (
              <li>
                <Link to="/organisations" activeOptions={EXACT}>{t('app.organisations')}</Link>
              </li>
            )}
            {viewer && (
              <li>
                <Link to="/settings" activeOptions={EXACT}>{t('app.settings')}</Link>
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
