import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { RsvpForm } from '../meetings/rsvp-form';
import { MyPage as MyPageQuery } from './my-page.operations';

/** A member's home: what is coming and what they must do, from one GraphQL request. */
export function MyPage() {
  const { t, dateTime, setViewer } = useI18n();
  const [from] = useState(() => new Date().toISOString());
  const query = useQuery(MyPageQuery, { from });
  const person = query.status === 'done' ? query.data.me.person : null;
  useEffect(() => {
    if (person) setViewer({ personId: person.id, name: person.fullName, locale: person.locale, timeZone: person.timeZone });
  }, [person, setViewer]);

  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { meetingList, myWorkingGroups } = query.data;
  const meetings = meetingList.edges.map((e) => e.node).filter((m) => m.status !== 'CANCELLED');
  return (
    <>
      <Heading>{t('me.title')}</Heading>
      <p>{t('me.greeting', { name: query.data.me.person.fullName })}</p>
      <section aria-labelledby="my-meetings">
        <h2 id="my-meetings">{t('me.meetings')}</h2>
        {meetings.length === 0 ? (
          <p>{t('me.noMeetings')}</p>
        ) : (
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
                {m.myInvitation && <RsvpForm meetingId={m.id} answer={m.myInvitation.rsvp} substituteName={m.myInvitation.substituteName} allowSubstitute={Boolean(m.myInvitation.seatId)} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      {myWorkingGroups.length > 0 && (
        <section aria-labelledby="my-groups">
          <h2 id="my-groups">{t('me.seats')}</h2>
          <ul>
            {myWorkingGroups.map((g) => (
              <li key={g.id}>{g.name}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
