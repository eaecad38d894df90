import { useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, OfflineNotice, asFailure, signInAgain, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { LOCALES, type Locale } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { SignOut } from './sign-in.operations';
import { CreateFeed, PersonalDataExport, RevokeFeed, SavePreferences, SaveProfile, SettingsPage as SettingsQuery } from './settings-page.operations';

const LANGUAGE_NAMES: Record<Locale, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/London', 'UTC'];

type Feed = { active: boolean; createdAt: string | null };

/** Settings: language, time zone, how reminders come and which to skip, the calendar address, my personal data, sign out everywhere. */
export function SettingsPage() {
  const { t, dateTime, setViewer } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(SettingsQuery, {});
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [offline, setOffline] = useState<(() => void) | null>(null);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const [feed, setFeed] = useState<Feed | null>(null);
  const [feedNotice, setFeedNotice] = useState<string | null>(null);
  const [exportNotice, setExportNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { me, myNotificationPreferences: prefs } = query.data;
  const calendar = feed ?? query.data.myCalendarFeed;

  /** A failed request: sign in again, offer a retry when offline, else the API's message at the field it concerns. */
  function failure(error: unknown, field: string, retry: () => void): FieldError | null {
    const failed = asFailure(error);
    if (failed.kind === 'unauthenticated') {
      signInAgain();
      return null;
    }
    if (failed.kind === 'network') {
      setOffline(() => retry);
      return null;
    }
    return { field, message: failed.errors[0]?.message ?? t('app.failed', { code: failed.kind }) };
  }

  function show(found: FieldError[]) {
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const locale = String(data.get('locale')) as Locale;
    const timeZone = String(data.get('timeZone'));
    const delivery = String(data.get('delivery')) as 'IMMEDIATE' | 'DAILY' | 'WEEKLY';
    const optedOutKinds = prefs.kinds.filter((k) => k.optOutAllowed && !data.has(`kind-${k.kind}`)).map((k) => k.kind);
    const found: FieldError[] = [];
    const retry = () => form.current?.requestSubmit();
    setSaved(null);
    setOffline(null);
    setBusy(true);
    let failed = false;
    try {
      const { updatePerson } = await request(SaveProfile, { input: { id: me.person.id, locale, timeZone } });
      setViewer({ personId: updatePerson.id, name: updatePerson.fullName, locale: updatePerson.locale, timeZone: updatePerson.timeZone });
    } catch (error) {
      failed = true;
      const f = failure(error, 'timeZone', retry);
      if (f) found.push(f);
    }
    if (!failed) {
      try {
        await request(SavePreferences, { input: { delivery, optedOutKinds } });
      } catch (error) {
        failed = true;
        const f = failure(error, 'delivery-IMMEDIATE', retry);
        if (f) found.push(f);
      }
    }
    setBusy(false);
    show(found);
    if (!failed) setSaved(t('settings.saved'));
  }

  async function createFeed() {
    setOffline(null);
    setFeedNotice(null);
    try {
      const { createCalendarFeed } = await request(CreateFeed, {});
      setFeedUrl(createCalendarFeed.url);
      setFeed({ active: true, createdAt: new Date().toISOString() });
      show([]);
    } catch (error) {
      const f = failure(error, 'feed-create', () => void createFeed());
      show(f ? [f] : []);
    }
  }

  async function revokeFeed() {
    setOffline(null);
    setFeedNotice(null);
    try {
      await request(RevokeFeed, {});
      setFeedUrl(null);
      setFeed({ active: false, createdAt: null });
      setFeedNotice(t('settings.feedRevoked'));
      show([]);
    } catch (error) {
      const f = failure(error, 'feed-create', () => void revokeFeed());
      show(f ? [f] : []);
    }
  }

  async function copyFeed(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setFeedNotice(t('settings.copied'));
    } catch {
      // No clipboard (an insecure origin, or refused): the address is selected to copy by hand.
      const input = document.getElementById('feed-url') as HTMLInputElement | null;
      input?.focus();
      input?.select();
      setFeedNotice(t('settings.copyByHand'));
    }
  }

  async function downloadData() {
    setOffline(null);
    setExportNotice(null);
    try {
      const { personalDataExport } = await request(PersonalDataExport, { personId: me.person.id });
      const url = URL.createObjectURL(new Blob([personalDataExport], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `samverkan-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExportNotice(t('settings.exportReady'));
      show([]);
    } catch (error) {
      const f = failure(error, 'export', () => void downloadData());
      show(f ? [f] : []);
    }
  }

  async function signOutEverywhere() {
    await request(SignOut, { everywhere: true }).catch(() => undefined);
    setViewer(null);
    await navigate({ to: '/sign-in', search: { next: undefined } });
  }

  const errorOf = (field: string) => errors.find((e) => e.field === field);
  return (
    <>
      <Heading>{t('settings.title')}</Heading>
      <ErrorSummary ref={summary} errors={errors} />
      <OfflineNotice onRetry={offline} />
      {saved && (
        <p role="status" className="saved">
          {saved}
        </p>
      )}
      <form ref={form} className="stack" onSubmit={save} key={`${me.person.locale}-${me.person.timeZone}`}>
        <label htmlFor="locale">{t('app.language')}</label>
        <select id="locale" name="locale" defaultValue={me.person.locale}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <label htmlFor="timeZone">{t('settings.timeZone')}</label>
        <select id="timeZone" name="timeZone" defaultValue={me.person.timeZone} aria-describedby={errorOf('timeZone') ? 'timeZone-error' : undefined}>
          {(ZONES.includes(me.person.timeZone) ? ZONES : [me.person.timeZone, ...ZONES]).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        {errorOf('timeZone') && (
          <p id="timeZone-error" className="field-error">
            {errorOf('timeZone')!.message}
          </p>
        )}
        <fieldset aria-describedby={errorOf('delivery-IMMEDIATE') ? 'delivery-error' : undefined}>
          <legend>{t('settings.delivery')}</legend>
          {errorOf('delivery-IMMEDIATE') && (
            <p id="delivery-error" className="field-error">
              {errorOf('delivery-IMMEDIATE')!.message}
            </p>
          )}
          <div className="checks">
            {(['IMMEDIATE', 'DAILY', 'WEEKLY'] as const).map((d) => (
              <label key={d} className="choice">
                <input type="radio" id={`delivery-${d}`} name="delivery" value={d} defaultChecked={prefs.delivery === d} />
                {t(`settings.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('settings.kinds')}</legend>
          <p className="secondary">{t('settings.kindsIntro')}</p>
          <div className="checks">
            {prefs.kinds.map((k) => (
              <label key={k.kind} className="choice kind">
                <input
                  type="checkbox"
                  id={`kind-${k.kind}`}
                  name={`kind-${k.kind}`}
                  defaultChecked={!k.optedOut}
                  disabled={!k.optOutAllowed}
                  aria-describedby={k.optOutAllowed ? undefined : `kind-${k.kind}-note`}
                />
                <span className="kind-text">
                  <span>{k.label}</span>
                  {!k.optOutAllowed && (
                    <span id={`kind-${k.kind}-note`} className="secondary note">
                      {t('settings.required')}
                    </span>
                  )}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('settings.save')}
        </button>
      </form>

      <section aria-labelledby="feed">
        <h2 id="feed">{t('settings.feed')}</h2>
        <p>{t('settings.feedIntro')}</p>
        <p id="feed-status">{calendar.active ? (calendar.createdAt ? t('settings.feedActiveSince', { time: dateTime(calendar.createdAt) }) : t('settings.feedActive')) : t('settings.feedNone')}</p>
        {feedUrl && (
          <div className="stack">
            <label htmlFor="feed-url">{t('settings.feedUrl')}</label>
            <input id="feed-url" type="text" readOnly value={feedUrl} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void copyFeed(feedUrl)}>
              {t('settings.copy')}
            </button>
          </div>
        )}
        <p className="buttons">
          <button type="button" id="feed-create" onClick={() => void createFeed()}>
            {calendar.active ? t('settings.feedReplace') : t('settings.feedCreate')}
          </button>{' '}
          {calendar.active && (
            <button type="button" className="secondary-button" onClick={() => void revokeFeed()}>
              {t('settings.feedRevoke')}
            </button>
          )}
        </p>
        <p role="status" className="saved">
          {feedNotice}
        </p>
      </section>

      <section aria-labelledby="my-data">
        <h2 id="my-data">{t('settings.data')}</h2>
        <p>{t('settings.dataIntro')}</p>
        <p>
          <button type="button" id="export" className="secondary-button" onClick={() => void downloadData()}>
            {t('settings.dataDownload')}
          </button>
        </p>
        <p role="status" className="saved">
          {exportNotice}
        </p>
      </section>

      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('settings.sessions')}</h2>
        <p>
          <button type="button" className="secondary-button" onClick={() => void signOutEverywhere()}>
            {t('app.signOutEverywhere')}
          </button>
        </p>
      </section>
    </>
  );
}
