import { Link, useParams } from '@tanstack/react-router';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { RegistrationsPage as RegistrationsQuery } from './registrations-page.operations';
import '../../organisations/register.css';

/**
 * An open event's registrants for its secretariat: who registered, confirmed or
 * on the waiting list or cancelled, in the order they came; the places; and the
 * list to download (CSV for Excel in Sweden and Denmark, as the other exports).
 */
export function RegistrationsPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const { t, dateTime } = useI18n();
  const query = useQuery(RegistrationsQuery, { id: meetingId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const m = query.data.meeting;
  const count = (status: string) => m.registrations.filter((r) => r.status === status).length;
  return (
    <>
      <Heading>{t('registrations.title', { title: m.title })}</Heading>
      <p>
        <Link to="/meetings/$meetingId" params={{ meetingId: m.id }}>
          {t('registrations.back')}
        </Link>
        {m.isOpen && (
          <>
            {' · '}
            <Link to="/events/$meetingId" params={{ meetingId: m.id }}>
              {t('registrations.publicPage')}
            </Link>
          </>
        )}
      </p>
      {!m.isOpen && <p>{t('registrations.notOpen')}</p>}
      <p>
        {dateTime(m.startsAt, m.timeZone)}. {m.capacity === null ? t('registrations.noLimit') : t('registrations.capacity', { capacity: m.capacity })}.{' '}
        {m.waitlistOpen ? t('registrations.waitlistOpen') : t('registrations.waitlistClosed')}
      </p>
      <p id="registrations-summary">{t('registrations.summary', { confirmed: count('CONFIRMED'), waitlisted: count('WAITLISTED'), cancelled: count('CANCELLED') })}</p>
      {m.registrations.length === 0 ? (
        <p className="secondary">{t('registrations.none')}</p>
      ) : (
        <>
          <p>
            {/* A plain link: the browser downloads the file with the session cookie. */}
            <a href={`/meetings/${m.id}/registrations.csv`} download>
              {t('registrations.export')}
            </a>
          </p>
          <div className="reg-table" role="region" aria-labelledby="registrations-caption" tabIndex={0}>
            <table>
              <caption id="registrations-caption" style={{ textAlign: 'left' }}>{t('registrations.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('registrations.name')}</th>
                  <th scope="col">{t('registrations.email')}</th>
                  <th scope="col">{t('registrations.organisation')}</th>
                  <th scope="col">{t('registrations.status')}</th>
                  <th scope="col">{t('registrations.registered')}</th>
                </tr>
              </thead>
              <tbody>
                {m.registrations.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.fullName}</th>
                    <td>{r.email}</td>
                    <td>{r.organisation ?? ''}</td>
                    <td>{t(`registrations.${r.status}`)}</td>
                    <td>{dateTime(r.createdAt, m.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
