import { useParams } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading, NotFound } from '../core/page';
import { useQuery } from '../core/use-query';
import { OpenEventPage as EventQuery } from './event-page.operations';
import { EventCard } from './public-register-page';
import '../reports/overview.css';

/**
 * An open event's registration page, for anyone without signing in: when and
 * where, the places left (or the waitlist), and the form. The confirmation, and
 * the mail with its cancellation link, come in the language the page is read in.
 * An event that is not open, is cancelled or is over reads as not found.
 */
export function EventPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const { t, locale } = useI18n();
  const query = useQuery(EventQuery, { id: meetingId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return query.error.kind === 'not-found' || query.error.kind === 'bad-input' ? <NotFound /> : <Failed error={query.error} retry={query.reload} />;
  const event = query.data.openEvent;
  return (
    <div className="narrow">
      <p className="secondary">{t('public.openEvent')}</p>
      <Heading>{event.title}</Heading>
      <EventCard event={event} locale={locale} titled onRegistered={query.reload} />
    </div>
  );
}
