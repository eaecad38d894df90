import { Link } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { RsvpForm } from '../meetings/rsvp-form';
import { MyPage as MyPageQuery } from './my-page.operations';

/** A member's home: what is coming and what they must do, from one GraphQL request. */
export function MyPage() {
  const { t, dateTime, date, setViewer } = useI18n();
  const [from] = useState(() => new Date().toISOString());
  const query = useQuery(MyPageQuery, { from });
  const person = query.status === 'done' ? query.data.me.person : null;
  const registers = query.status === 'done' ? query.data.mayEditStrategies : undefined;
  useEffect(() => {
    if (person) setViewer({ personId: person.id, name: person.fullName, locale: person.locale, timeZone: person.timeZone, registers });
  }, [person, registers, setViewer]);

  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { me, meetingList } = query.data;
  const meetings = meetingList.edges.map((e) => e.node).filter((m) => m.status !== 'CANCELLED');
  // Dates without a time (YYYY-MM-DD) are shown as that calendar day, whatever the zone.
  const day = (isoDate: string) => date(`${isoDate}T12:00:00Z`);
  return (
    <>
      <Heading>{t('me.title')}</Heading>
      <p>{t('me.greeting', { name: me.person.fullName })}</p>

      <Section id="my-meetings" title={t('me.meetings')} empty={t('me.noMeetings')} count={meetings.length}>
        <ul className="cards">
          {meetings.map((m) => (
            <li key={m.id} id={`meeting-${m.id}`} className="card">
              <h3>
                <Link to="/meetings/$meetingId" params={{ meetingId: m.id }}>
                  {m.title}
                </Link>
              </h3>
              <p>
                <time dateTime={m.startsAt}>{dateTime(m.startsAt)}</time>
                {m.workingGroup && <> · {m.workingGroup.name}</>}
              </p>
              {m.myInvitation && <RsvpForm meetingId={m.id} answer={m.myInvitation.rsvp} seatSubstitute={m.myInvitation.seatSubstitute} />}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-reviews" title={t('me.reviews')} empty={t('me.noReviews')} count={me.reviewsWaiting.length}>
        <ul className="items">
          {me.reviewsWaiting.map((r) => (
            <li key={r.reviewRoundId}>
              <Link to="/review-rounds/$reviewRoundId" params={{ reviewRoundId: r.reviewRoundId }}>
                {r.deliverableTitle}
              </Link>{' '}
              ({t('me.version', { version: r.versionNumber })})
              <div className="secondary">{t('me.due', { date: day(r.deadline) })}</div>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-minutes" title={t('me.minutes')} empty={t('me.noMinutes')} count={me.minutesToApprove.length}>
        <ul className="items">
          {me.minutesToApprove.map((m) => (
            <li key={m.minutesId}>
              <Link to="/meetings/$meetingId" params={{ meetingId: m.meetingId }}>
                {m.meetingTitle}
              </Link>
              <div className="secondary">
                <time dateTime={m.meetingStartsAt}>{dateTime(m.meetingStartsAt)}</time>
              </div>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-actions" title={t('me.actions')} empty={t('me.noActions')} count={me.actionItems.length}>
        <ul className="items">
          {me.actionItems.map((a) => (
            <li key={a.id}>
              {a.title}
              <div className="secondary">
                {a.dueOn && <>{t('me.dueOn', { date: day(a.dueOn) })} · </>}
                <Link to="/meetings/$meetingId" params={{ meetingId: a.meetingId }}>
                  {t('me.meetingOf', { title: a.meetingTitle })}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-polls" title={t('me.polls')} empty={t('me.noPolls')} count={me.datePollsToAnswer.length}>
        <ul className="items">
          {me.datePollsToAnswer.map((p) => (
            <li key={p.id}>
              <Link to="/date-polls/$datePollId" params={{ datePollId: p.id }}>
                {p.title}
              </Link>
              {p.workingGroupName && <> · {p.workingGroupName}</>}
              {p.firstOptionAt && <div className="secondary">{t('me.firstOption', { date: dateTime(p.firstOptionAt) })}</div>}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-nominations" title={t('me.nominations')} empty={t('me.noNominations')} count={me.nominationRequests.length}>
        <ul className="items">
          {me.nominationRequests.map((n) => (
            <li key={n.id}>
              <Link to="/nomination-requests/$requestId" params={{ requestId: n.id }}>
                {t('me.seatsRequested', { count: n.seatsRequested, group: n.workingGroupName, organisation: n.organisationName })}
              </Link>
              <div className="secondary">{t('me.due', { date: day(n.deadline) })}</div>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="my-seats" title={t('me.seats')} empty={t('me.noSeats')} count={me.seats.length}>
        <ul className="items">
          {me.seats.map((s) => (
            <li key={s.appointmentId}>
              <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: s.workingGroupId }}>
                {s.workingGroupName}
              </Link>{' '}
              · {s.kind === 'SUBSTITUTE' ? t('me.substitute') : t('me.principal')}
              <div>{t('me.seatLine', { number: s.seatNumber, organisation: s.organisationName, term: s.termNumber })}</div>
              <div className="secondary">
                {day(s.startsOn)} – {s.endsOn ? t('me.termEnds', { date: day(s.endsOn) }) : t('me.termOpen')}
              </div>
              {s.principalName && <div className="secondary">{t('me.substituteFor', { name: s.principalName })}</div>}
            </li>
          ))}
        </ul>
      </Section>
      <p>
        <Link to="/seats">{t('me.seatsLink')}</Link>
      </p>
    </>
  );
}

function Section({ id, title, empty, count, children }: { id: string; title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {count === 0 ? <p className="secondary">{empty}</p> : children}
    </section>
  );
}
