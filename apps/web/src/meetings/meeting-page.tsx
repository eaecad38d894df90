import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { request } from '../core/client';
import { OfflineNotice, useButtonRequest } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { ApproveMinutes, MeetingPage as MeetingQuery } from './meeting-page.operations';
import { ConflictOfInterest, type Declaration } from './conflict-of-interest';
import { RsvpForm } from './rsvp-form';
import { ScheduleLinks } from './schedule-links';

/** One meeting: when (in my zone and the meeting's), where, the agenda, my answer, the calendar file and the approved minutes. */
export function MeetingPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const { t, dateTime, timeZone, setViewer } = useI18n();
  const query = useQuery(MeetingQuery, { id: meetingId });
  // Declarations made or withdrawn on this page, over what the page loaded with.
  const [declarations, setDeclarations] = useState<Declaration[] | null>(null);
  const person = query.status === 'done' ? query.data.me.person : null;
  useEffect(() => {
    if (person) setViewer({ personId: person.id, name: person.fullName, locale: person.locale, timeZone: person.timeZone });
  }, [person, setViewer]);

  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const m = query.data.meeting;
  const approved = m.minutes && m.minutes.status === 'APPROVED' ? m.minutes : null;
  const me = query.data.me.person.id;
  const toApprove = m.minutes && m.minutes.status === 'IN_APPROVAL' && m.minutes.adjusters.some((a) => a.personId === me && !a.approvedAt) ? m.minutes : null;
  const myName = query.data.me.person.fullName;
  const declared = declarations ?? m.declaredConflicts;
  // Jäv is declared by an invitee, before the meeting starts, on a meeting that takes place.
  const mayDeclare = Boolean(m.myInvitation) && m.status !== 'CANCELLED' && new Date(m.startsAt).getTime() > Date.now();
  const agenda = [...m.agenda].sort((a, b) => a.position - b.position);
  const itemTitle = new Map(agenda.map((item) => [item.id, item.title]));
  const declaredOn = (d: { id: string; agendaItemId: string; reason: string }) =>
    setDeclarations([
      ...declared.filter((x) => !(x.agendaItemId === d.agendaItemId && x.personId === me)),
      { ...d, personId: me, declaredAt: new Date().toISOString(), person: { id: me, displayName: myName } },
    ]);
  const withdrawnFrom = (agendaItemId: string) => setDeclarations(declared.filter((x) => !(x.agendaItemId === agendaItemId && x.personId === me)));
  return (
    <>
      <Heading>{m.title}</Heading>
      {m.status === 'CANCELLED' && (
        <p className="notice" role="status">
          {t('meeting.cancelled')}
        </p>
      )}
      {m.workingGroup && (
        <p>
          <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: m.workingGroup.id }}>
            {t('meeting.group', { name: m.workingGroup.name })}
          </Link>
        </p>
      )}
      {m.maySchedule && <ScheduleLinks meeting={m} current="meeting" />}
      {m.isOpen && (
        <p>
          {/* An open event: its registrants (the secretariat's list) and its public registration page. */}
          <Link to="/meetings/$meetingId/registrations" params={{ meetingId: m.id }}>
            {t('registrations.link')}
          </Link>
          {' · '}
          <Link to="/events/$meetingId" params={{ meetingId: m.id }}>
            {t('registrations.publicPage')}
          </Link>
        </p>
      )}
      <dl className="facts">
        <dt>{t('meeting.when')}</dt>
        <dd>
          <time dateTime={m.startsAt}>{dateTime(m.startsAt)}</time>
          {m.timeZone !== timeZone && <div className="secondary">{t('meeting.whereInMeetingZone', { zone: m.timeZone, time: dateTime(m.startsAt, m.timeZone) })}</div>}
        </dd>
        {m.place && (
          <>
            <dt>{t('meeting.place')}</dt>
            <dd>{m.place}</dd>
          </>
        )}
        {m.onlineUrl && (
          <>
            <dt>{t('meeting.online')}</dt>
            <dd>
              <a href={m.onlineUrl} rel="noopener noreferrer">
                {m.onlineUrl}
              </a>
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/meetings/${m.id}/event.ics`} download>
          {t('meeting.calendar')}
        </a>
      </p>
      {m.description && <p>{m.description}</p>}
      {m.mayManage && (
        <ul className="actions" aria-label={t('minutesEditor.record')}>
          <li>
            <Link to="/meetings/$meetingId/attendance" params={{ meetingId: m.id }}>
              {t('attendance.link')}
            </Link>
          </li>
          <li>
            <Link to="/meetings/$meetingId/minutes/edit" params={{ meetingId: m.id }}>
              {t('minutesEditor.link')}
            </Link>
          </li>
        </ul>
      )}
      {m.myInvitation ? <RsvpForm meetingId={m.id} answer={m.myInvitation.rsvp} seatSubstitute={m.myInvitation.seatSubstitute} /> : <p>{t('rsvp.notInvited')}</p>}
      <section aria-labelledby="agenda">
        <h2 id="agenda">{t('meeting.agenda')}</h2>
        {m.agenda.length === 0 ? (
          <p>{t('meeting.noAgenda')}</p>
        ) : (
          <ol className="agenda">
            {agenda.map((item) => (
                <li key={item.id}>
                  <strong>{item.title}</strong> <span className="secondary">({t('meeting.minutesDuration', { minutes: item.durationMinutes })})</span>
                  {(item.presenter || item.presenterName) && <div>{t('meeting.presenter', { name: item.presenter?.displayName ?? item.presenterName ?? '' })}</div>}
                  {item.description && <div>{item.description}</div>}
                  {item.deliverable && (
                    <div>
                      <Link to="/deliverables/$deliverableId" params={{ deliverableId: item.deliverable.id }}>
                        {t('meeting.document', { title: item.deliverable.title })}
                      </Link>
                    </div>
                  )}
                  {mayDeclare && <ConflictOfInterest item={item} mine={declared.find((d) => d.agendaItemId === item.id && d.personId === me)} onDeclared={declaredOn} onWithdrawn={withdrawnFrom} />}
                </li>
              ))}
          </ol>
        )}
      </section>
      {declared.length > 0 && (
        <section aria-labelledby="conflicts">
          <h2 id="conflicts">{t('conflict.title')}</h2>
          <ul className="items">
            {declared.map((d) => (
              <li key={d.id}>
                <strong>{itemTitle.get(d.agendaItemId) ?? ''}</strong>: {d.personId === me ? t('conflict.byMe') : d.person.displayName}
                <div className="prewrap">{d.reason}</div>
                <div className="secondary">{t('conflict.declaredAt', { time: dateTime(d.declaredAt) })}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {toApprove && <ApproveMinutesForm minutesId={toApprove.id} body={toApprove.body} decisions={toApprove.decisions} onApproved={query.reload} />}
      {approved && (
        <section aria-labelledby="minutes">
          <h2 id="minutes">{t('meeting.minutes')}</h2>
          <p className="prewrap">{approved.body}</p>
          {approved.decisions.length > 0 && (
            <ol>
              {approved.decisions.map((d) => (
                <li key={d.id} value={d.number}>
                  {d.text}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </>
  );
}

/** Minutes sent to me for approval (justering): read them, then approve. */
function ApproveMinutesForm({ minutesId, body, decisions, onApproved }: { minutesId: string; body: string; decisions: { id: string; number: number; text: string }[]; onApproved(): void }) {
  const { t } = useI18n();
  const { busy, offline, message, send: approve } = useButtonRequest(async () => {
    await request(ApproveMinutes, { minutesId });
    onApproved();
    return null;
  });
  return (
    <section aria-labelledby="minutes-approval">
      <h2 id="minutes-approval">{t('minutes.toApprove')}</h2>
      <p className="prewrap">{body}</p>
      {decisions.length > 0 && (
        <ol>
          {decisions.map((d) => (
            <li key={d.id} value={d.number}>
              {d.text}
            </li>
          ))}
        </ol>
      )}
      <button type="button" disabled={busy} onClick={() => void approve()}>
 {t('minutes.approve')}
      </button>
      <OfflineNotice onRetry={offline ? () => void approve() : null} />
      <p role="status" className="field-error">
        {message}
      </p>
    </section>
  );
}
