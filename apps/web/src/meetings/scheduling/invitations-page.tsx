import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../../core/client';
import { ErrorSummary, FieldProblem, OfflineNotice, described, useButtonRequest, useProblems } from '../../core/form';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { InvitationsDoubleBookings, InvitationsPage as InvitationsQuery, RemindInvitees, RescheduleMeeting } from './invitations-page.operations';
import { localInput } from './local-time';
import { ScheduleLinks } from '../schedule-links';
import './scheduling.css';

const ANSWERS = ['YES', 'SUBSTITUTE', 'MAYBE', 'NO', 'PENDING'] as const;

/**
 * The secretariat's view of a meeting's invitations: who answered what, who
 * sends a substitute, who has not answered (with a reminder), the invitees it
 * double-books, and a change of time or place (which invites everyone again
 * and starts the answers over, as the API does).
 */
export function InvitationsPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const { t, dateTime } = useI18n();
  const query = useQuery(InvitationsQuery, { id: meetingId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const m = query.data.meeting;
  if (!m.maySchedule) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  const invitations = m.invitations;
  const pending = invitations.filter((i) => i.rsvp === 'PENDING' && i.role !== 'SUBSTITUTE');
  return (
    <>
      <Heading>{t('scheduling.invitationsTitle', { title: m.title })}</Heading>
      <ScheduleLinks meeting={m} current="invitations" />
      <dl className="facts">
        <dt>{t('meeting.when')}</dt>
        <dd>
          <time dateTime={m.startsAt}>{dateTime(m.startsAt, m.timeZone)}</time> ({m.timeZone})
        </dd>
        {m.place && (
          <>
            <dt>{t('meeting.place')}</dt>
            <dd>{m.place}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t('scheduling.answersSummary')}</h2>
        <ul className="counts">
          {ANSWERS.map((answer) => (
            <li key={answer}>{t('scheduling.count', { answer: t(`scheduling.RSVP_${answer}`), count: invitations.filter((i) => i.rsvp === answer).length })}</li>
          ))}
        </ul>
        <table className="grid stacked">
          <thead>
            <tr>
              <th scope="col">{t('scheduling.invitee')}</th>
              <th scope="col">{t('scheduling.role')}</th>
              <th scope="col">{t('scheduling.answer')}</th>
              <th scope="col">{t('scheduling.substitute')}</th>
              <th scope="col">{t('scheduling.answeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.person.displayName}</th>
                <td data-label={t('scheduling.role')}>{t(`scheduling.ROLE_${i.role}`)}</td>
                <td data-label={t('scheduling.answer')}>{t(`scheduling.RSVP_${i.rsvp}`)}</td>
                <td data-label={i.rsvp === 'SUBSTITUTE' ? t('scheduling.substitute') : undefined}>{i.rsvp === 'SUBSTITUTE' ? (i.substitute?.displayName ?? i.substituteName ?? '') : ''}</td>
                <td data-label={i.respondedAt ? t('scheduling.answeredAt') : undefined}>{i.respondedAt ? <time dateTime={i.respondedAt}>{dateTime(i.respondedAt, m.timeZone)}</time> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="unanswered-title">
        <h2 id="unanswered-title">{t('scheduling.unanswered')}</h2>
        {pending.length === 0 ? (
          <p>{t('scheduling.allAnswered')}</p>
        ) : (
          <>
            <ul className="items">
              {pending.map((i) => (
                <li key={i.id}>{i.person.displayName}</li>
              ))}
            </ul>
            <RemindButton meetingId={m.id} />
          </>
        )}
      </section>
      <DoubleBookings meetingId={m.id} timeZone={m.timeZone} />
      <Reschedule meeting={m} onSaved={query.reload} />
    </>
  );
}

function RemindButton({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const { busy, offline, message, send: remind } = useButtonRequest(async () => {
    const { remindMeetingInvitees: r } = await request(RemindInvitees, { id: meetingId });
    return r.sent > 0 ? t('scheduling.reminded', { count: r.sent }) : t('scheduling.remindedAlready');
  });
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void remind()}>
        {t('scheduling.remind')}
      </button>
      <OfflineNotice onRetry={offline ? () => void remind() : null} />
      <p role="status" className="saved">
        {message}
      </p>
    </>
  );
}

/** Times in the meeting's zone, as the rest of the page. */
function DoubleBookings({ meetingId, timeZone }: { meetingId: string; timeZone: string }) {
  const { t, dateTime } = useI18n();
  const query = useQuery(InvitationsDoubleBookings, { id: meetingId });
  return (
    <section aria-labelledby="double-title">
      <h2 id="double-title">{t('scheduling.doubleBookings')}</h2>
      {query.status === 'loading' ? (
        <Loading />
      ) : query.status === 'failed' ? (
        <Failed error={query.error} retry={query.reload} />
      ) : query.data.meeting.doubleBookings.length === 0 ? (
        <p>{t('scheduling.noDoubleBookings')}</p>
      ) : (
        <ul className="items double-bookings">
          {query.data.meeting.doubleBookings.map((d) => (
            <li key={`${d.personId}-${d.otherMeetingId ?? d.otherStartsAt}`}>
              {t('scheduling.doubleBooked', { name: d.personName, other: d.otherTitle ?? t('scheduling.otherMeeting'), time: dateTime(d.otherStartsAt, timeZone) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Reschedule({ meeting: m, onSaved }: { meeting: { id: string; startsAt: string; endsAt: string; timeZone: string; place: string | null }; onSaved(): void }) {
  const { t } = useI18n();
  const { errors, fail, summary } = useProblems();
  const [startsAt, setStartsAt] = useState(localInput(m.startsAt, m.timeZone));
  const [endsAt, setEndsAt] = useState(localInput(m.endsAt, m.timeZone));
  const [place, setPlace] = useState(m.place ?? '');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await request(RescheduleMeeting, { input: { id: m.id, startsAt, endsAt, place: place.trim() || undefined } });
      setSaved(true);
      onSaved();
    } catch (error) {
      fail(error, 'new-startsAt', { startsAt: 'new-startsAt', endsAt: 'new-endsAt', place: 'new-place' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="change-title">
      <h2 id="change-title">{t('scheduling.change')}</h2>
      <p id="change-hint" className="hint">
        {t('scheduling.changeHint')}
      </p>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="new-startsAt">{t('schedule.startsAt')}</label>
        <input id="new-startsAt" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} {...described('new-startsAt', errors)} />
        <FieldProblem id="new-startsAt" errors={errors} />
        <label htmlFor="new-endsAt">{t('schedule.endsAt')}</label>
        <input id="new-endsAt" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} {...described('new-endsAt', errors)} />
        <FieldProblem id="new-endsAt" errors={errors} />
        <label htmlFor="new-place">{t('meeting.place')}</label>
        <input id="new-place" type="text" value={place} onChange={(e) => setPlace(e.target.value)} {...described('new-place', errors)} />
        <FieldProblem id="new-place" errors={errors} />
        <button type="submit" disabled={busy} aria-describedby="change-hint">
          {t('scheduling.changeSubmit')}
        </button>
        <p role="status" className="saved">
          {saved ? t('scheduling.changed') : ''}
        </p>
      </form>
    </section>
  );
}
