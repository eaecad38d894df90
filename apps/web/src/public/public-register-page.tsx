import { Link, useParams } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import type { MessageKey } from '../core/messages';
import { Failed, Heading, Loading, NotFound } from '../core/page';
import { useQuery } from '../core/use-query';
import { PublicRegisterPage as RegisterQuery, RegisterForEvent } from './public-register-page.operations';
import '../reports/overview.css';

/**
 * A commission's public register, for anyone without signing in
 * (offentlighetsprincipen): only what its secretariat published. A commission
 * that is not published reads as not found, like one that does not exist.
 */
export function PublicRegisterPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, date, locale } = useI18n();
  const query = useQuery(RegisterQuery, { id: commissionId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return query.error.kind === 'not-found' || query.error.kind === 'bad-input' ? <NotFound /> : <Failed error={query.error} retry={query.reload} />;
  const r = query.data.publicRegister;
  const day = (iso: string) => date(`${iso}T12:00:00Z`);
  const names = new Map((r.groups ?? []).map((g) => [g.id, g.name]));
  return (
    <>
      <p className="secondary">{t('public.register')}</p>
      <Heading>{r.title}</Heading>
      <dl className="facts">
        {r.referenceNumber && (
          <>
            <dt>{t('public.reference')}</dt>
            <dd>{r.referenceNumber}</dd>
          </>
        )}
        <dt>{t('public.status')}</dt>
        <dd>{t(`public.status.${r.status}` as MessageKey)}</dd>
        <dt>{t('public.started')}</dt>
        <dd>{day(r.startsOn)}</dd>
        {r.mandate?.reportingDeadline && (
          <>
            <dt>{t('public.deadline')}</dt>
            <dd>{day(r.mandate.reportingDeadline)}</dd>
          </>
        )}
      </dl>

      {r.mandate && (
        <section aria-labelledby="mandate">
          <h2 id="mandate">{t('public.mandate')}</h2>
          {r.mandate.description && <p className="prewrap">{r.mandate.description}</p>}
          <dl className="facts">
            <dt>{t('public.commissionedBy')}</dt>
            <dd>{r.mandate.commissioningBody}</dd>
            <dt>{t('public.lead')}</dt>
            <dd>{r.mandate.leadOrganisation}</dd>
            {r.mandate.partners.length > 0 && (
              <>
                <dt>{t('public.partners')}</dt>
                <dd>{r.mandate.partners.join(', ')}</dd>
              </>
            )}
          </dl>
          {r.mandate.objectives.length > 0 && (
            <>
              <h3>{t('public.objectives')}</h3>
              <ul className="items">
                {r.mandate.objectives.map((o) => (
                  <li key={o.letter}>
                    <strong>{o.letter})</strong> {o.text}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {r.groups && (
        <section aria-labelledby="groups">
          <h2 id="groups">{t('public.groups')}</h2>
          {r.groups.map((g) => (
            <div key={g.id} id={`group-${g.id}`} className="card" style={{ marginBottom: '0.75rem' }}>
              <h3>{g.name}</h3>
              {g.parentId && names.get(g.parentId) && <p className="secondary">{t('public.subgroupOf', { name: names.get(g.parentId)! })}</p>}
              {g.seats &&
                (g.seats.length === 0 ? (
                  <p>{t('public.noSeats')}</p>
                ) : (
                  <table className="data">
                    <caption className="visually-hidden">{t('public.seatsOf', { name: g.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('public.organisation')}</th>
                        <th scope="col" className="num">{t('public.seats')}</th>
                        {g.seats.some((s) => s.members) && <th scope="col">{t('public.members')}</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {g.seats.map((s, i) => (
                        <tr key={`${s.organisation}:${i}`}>
                          <th scope="row">{s.organisation}</th>
                          <td className="num">{s.seats}</td>
                          {s.members && <td>{s.members.join(', ')}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ))}
            </div>
          ))}
        </section>
      )}

      {r.deliverables && (
        <section aria-labelledby="deliverables">
          <h2 id="deliverables">{t('public.deliverables')}</h2>
          {r.deliverables.length === 0 ? (
            <p>{t('public.noDeliverables')}</p>
          ) : (
            <ul className="items">
              {r.deliverables.map((d) => (
                <li key={d.id} id={`deliverable-${d.id}`}>
                  {d.url ? (
                    <a href={d.url} aria-label={t('public.read', { title: d.title })}>
                      {d.title}
                    </a>
                  ) : (
                    d.title
                  )}
                  <span className="secondary">
                    {' '}
                    — {d.deliveredOn ? t('public.delivered', { date: day(d.deliveredOn) }) : t('public.dueOn', { date: day(d.dueOn) })}
                    {d.groupName && <>, {d.groupName}</>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {r.events && (
        <section aria-labelledby="events">
          <h2 id="events">{t('public.events')}</h2>
          {r.events.length === 0 ? (
            <p>{t('public.noEvents')}</p>
          ) : (
            <ul className="cards">
              {r.events.map((e) => (
                <li key={e.id} id={`event-${e.id}`} className="card">
                  <EventCard event={e} locale={locale} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="feeds">
        <h2 id="feeds">{t('public.feeds')}</h2>
        <ul className="items">
          <li>
            <a href={`/public/commissions/${r.commissionId}/feed.atom?lang=${locale}`} type="application/atom+xml">
              {t('public.atom')}
            </a>
          </li>
          <li>
            <a href={`/public/commissions/${r.commissionId}/feed.json?lang=${locale}`} type="application/feed+json">
              {t('public.json')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}

export interface EventFields {
  id: string;
  title: string;
  kind: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string | null;
  capacity: number | null;
  placesLeft: number | null;
  waitlistOpen: boolean;
}

/**
 * An open event and its registration form (registerForEvent: no account needed).
 * On the event's own page (`titled`: its heading is the page's) without a heading of its own.
 */
export function EventCard({ event, locale, titled = false, onRegistered }: { event: EventFields; locale: string; titled?: boolean; onRegistered?(): void }) {
  const { t, dateTime } = useI18n();
  const id = useId();
  const [fields, setFields] = useState({ fullName: '', email: '', organisation: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = (name: string) => `${id}-${name}`;
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: event.timeZone }).format(new Date(event.endsAt));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!fields.fullName.trim()) missing.push({ field: fieldId('fullName'), message: t('form.required', { field: t('public.name') }) });
    if (!fields.email.trim()) missing.push({ field: fieldId('email'), message: t('form.required', { field: t('public.email') }) });
    setErrors(missing);
    setResult(null);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const { registerForEvent } = await request(RegisterForEvent, {
        input: { meetingId: event.id, fullName: fields.fullName.trim(), email: fields.email.trim(), organisation: fields.organisation.trim() || null, locale: locale as 'sv' | 'da' | 'en' },
      });
      setResult({
        text: registerForEvent.status === 'WAITLISTED' ? t('public.waitlisted', { position: registerForEvent.waitlistPosition ?? 1 }) : t('public.confirmed'),
        error: false,
      });
      // The places left change with each registration: the page asks again (and keeps this answer on screen).
      onRegistered?.();
    } catch (error) {
      const failed = error instanceof RequestFailed ? error : new RequestFailed('other');
      const at = failed.errors.flatMap((err) => (err.fields ?? []).filter((f) => ['fullName', 'email', 'organisation'].includes(f)).map((f) => ({ field: fieldId(f), message: err.message })));
      if (at.length > 0) setErrors(at);
      else setResult({ text: failed.kind === 'network' ? t('app.offline') : (failed.errors[0]?.message ?? t('app.failed', { code: failed.kind })), error: true });
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (name: string) => errors.find((e) => e.field === fieldId(name))?.message;
  const input = (name: 'fullName' | 'email' | 'organisation', label: MessageKey, type = 'text', autoComplete?: string) => (
    <>
      <label htmlFor={fieldId(name)}>{t(label)}</label>
      {errorOf(name) && (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          {errorOf(name)}
        </p>
      )}
      <input
        id={fieldId(name)}
        type={type}
        autoComplete={autoComplete}
        value={fields[name]}
        maxLength={name === 'email' ? 320 : 300}
        aria-invalid={errorOf(name) ? true : undefined}
        aria-describedby={errorOf(name) ? `${fieldId(name)}-error` : undefined}
        onChange={(e) => setFields({ ...fields, [name]: e.target.value })}
      />
    </>
  );

  return (
    <>
      {!titled && (
        <h3>
          <Link to="/events/$meetingId" params={{ meetingId: event.id }}>
            {event.title}
          </Link>
        </h3>
      )}
      <p className="secondary">{t(`public.kind.${event.kind}` as MessageKey)}</p>
      <dl className="facts">
        <dt>{t('public.when')}</dt>
        <dd>
          {dateTime(event.startsAt, event.timeZone)}–{time} ({event.timeZone})
        </dd>
        {event.place && (
          <>
            <dt>{t('public.where')}</dt>
            <dd>{event.place}</dd>
          </>
        )}
        <dt>{t('public.places')}</dt>
        <dd>{event.capacity === null ? t('public.noLimit') : event.placesLeft === 0 ? t('public.full') : t('public.placesLeft', { left: event.placesLeft ?? 0, capacity: event.capacity })}</dd>
      </dl>
      {event.description && <p className="prewrap">{event.description}</p>}
      <form className="stack" onSubmit={submit} noValidate aria-label={t('public.registerFor', { title: event.title })}>
        <ErrorSummary errors={errors} />
        {input('fullName', 'public.name', 'text', 'name')}
        {input('email', 'public.email', 'email', 'email')}
        {input('organisation', 'public.organisationOptional', 'text', 'organization')}
        <button type="submit" disabled={busy}>
          {t('public.send')}
        </button>
        <p role="status" className={result?.error ? 'field-error' : undefined}>
          {result?.text}
        </p>
      </form>
    </>
  );
}
