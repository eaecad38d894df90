import { useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { LOCALES, type Locale } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { SignOut } from './sign-in.operations';
import { CreateFeed, RevokeFeed, SavePreferences, SaveProfile, SettingsPage as SettingsQuery } from './settings-page.operations';

const LANGUAGE_NAMES: Record<Locale, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/London', 'UTC'];

/** Settings: language, time zone, how reminders come and which to skip, the calendar address, sign out everywhere. */
export function SettingsPage() {
  const { t, setViewer } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(SettingsQuery, {});
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { me, myNotificationPreferences: prefs } = query.data;

  function failure(error: unknown, field: string): FieldError {
    const failed = error instanceof RequestFailed ? error : new RequestFailed('other');
    if (failed.kind === 'unauthenticated') window.location.assign(`/sign-in?next=${encodeURIComponent('/settings')}`);
    return { field, message: failed.kind === 'network' ? t('app.offline') : (failed.errors[0]?.message ?? t('app.failed', { code: failed.kind })) };
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const locale = String(form.get('locale')) as Locale;
    const timeZone = String(form.get('timeZone'));
    const delivery = String(form.get('delivery')) as 'IMMEDIATE' | 'DAILY' | 'WEEKLY';
    const optedOutKinds = prefs.kinds.filter((k) => k.optOutAllowed && !form.has(`kind-${k.kind}`)).map((k) => k.kind);
    const found: FieldError[] = [];
    setSaved(null);
    try {
      const { updatePerson } = await request(SaveProfile, { input: { id: me.person.id, locale, timeZone } });
      setViewer({ personId: updatePerson.id, name: updatePerson.fullName, locale: updatePerson.locale, timeZone: updatePerson.timeZone });
    } catch (error) {
      found.push(failure(error, 'timeZone'));
    }
    if (found.length === 0) {
      try {
        await request(SavePreferences, { input: { delivery, optedOutKinds } });
      } catch (error) {
        found.push(failure(error, 'delivery-IMMEDIATE'));
      }
    }
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
    else setSaved(t('settings.saved'));
  }

  async function createFeed() {
    try {
      setFeedUrl((await request(CreateFeed, {})).createCalendarFeed.url);
    } catch (error) {
      setErrors([failure(error, 'feed')]);
    }
  }

  async function revokeFeed() {
    try {
      await request(RevokeFeed, {});
      setFeedUrl(null);
      setSaved(t('settings.feedRevoked'));
    } catch (error) {
      setErrors([failure(error, 'feed')]);
    }
  }

  async function signOutEverywhere() {
    await request(SignOut, { everywhere: true }).catch(() => undefined);
    setViewer(null);
    await navigate({ to: '/sign-in', search: { next: undefined } });
  }

  return (
    <>
      <Heading>{t('settings.title')}</Heading>
      <ErrorSummary ref={summary} errors={errors} />
      {saved && (
        <p role="status" className="saved">
          {saved}
        </p>
      )}
      <form className="stack" onSubmit={save} key={`${me.person.locale}-${me.person.timeZone}`}>
        <label htmlFor="locale">{t('app.language')}</label>
        <select id="locale" name="locale" defaultValue={me.person.locale}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
        <label htmlFor="timeZone">{t('settings.timeZone')}</label>
        <select id="timeZone" name="timeZone" defaultValue={me.person.timeZone} aria-describedby={errors.some((e) => e.field === 'timeZone') ? 'timeZone-error' : undefined}>
          {(ZONES.includes(me.person.timeZone) ? ZONES : [me.person.timeZone, ...ZONES]).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        {errors.find((e) => e.field === 'timeZone') && (
          <p id="timeZone-error" className="field-error">
            {errors.find((e) => e.field === 'timeZone')!.message}
          </p>
        )}
        <fieldset>
          <legend>{t('settings.delivery')}</legend>
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
          <div className="checks">
          {prefs.kinds.map((k) => (
            <label key={k.kind} className="choice">
              <input type="checkbox" name={`kind-${k.kind}`} defaultChecked={!k.optedOut} disabled={!k.optOutAllowed} />
              {k.label}
              {!k.optOutAllowed && <span className="secondary"> ({t('settings.required')})</span>}
            </label>
          ))}
          </div>
        </fieldset>
        <button type="submit">{t('settings.save')}</button>
      </form>

      <section aria-labelledby="feed">
        <h2 id="feed">{t('settings.feed')}</h2>
        <p>{t('settings.feedIntro')}</p>
        {feedUrl && (
          <div className="stack">
            <label htmlFor="feed-url">{t('settings.feedUrl')}</label>
            <input id="feed-url" type="text" readOnly value={feedUrl} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={() => void navigator.clipboard?.writeText(feedUrl)}>
              {t('settings.copy')}
            </button>
          </div>
        )}
        <p className="buttons">
          <button type="button" onClick={() => void createFeed()}>
            {t('settings.feedCreate')}
          </button>{' '}
          <button type="button" className="secondary-button" onClick={() => void revokeFeed()}>
            {t('settings.feedRevoke')}
          </button>
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
