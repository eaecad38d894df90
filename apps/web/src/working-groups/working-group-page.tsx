import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { SeatLinks } from '../seats/seat-links';
import { WorkingGroupPage as WorkingGroupQuery } from './working-group-page.operations';

/** A working group, read-only: purpose, chair, its commission, seats by organisation, the next meetings. */
export function WorkingGroupPage() {
  const { workingGroupId } = useParams({ strict: false }) as { workingGroupId: string };
  const { t, dateTime } = useI18n();
  const [from] = useState(() => new Date().toISOString());
  const query = useQuery(WorkingGroupQuery, { id: workingGroupId, from });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const g = query.data.workingGroup;
  const meetings = query.data.meetingList.edges.map((e) => e.node).filter((m) => m.status !== 'CANCELLED');
  return (
    <>
      <Heading>{g.name}</Heading>
      <dl className="facts">
        <dt>{t('deliverable.commission')}</dt>
        <dd>
          <Link to="/commissions/$commissionId" params={{ commissionId: g.commission.id }}>
            {g.commission.title}
          </Link>
        </dd>
        <dt>{t('group.status')}</dt>
        <dd>{t(`group.${g.status}`)}</dd>
        {g.chair && (
          <>
            <dt>{t('group.chair')}</dt>
            <dd>{g.chair.displayName}</dd>
          </>
        )}
      </dl>
      <SeatLinks workingGroupId={g.id} roles={g.commission.myRoles} />
      {g.purpose && <p className="prewrap">{g.purpose}</p>}
      <section aria-labelledby="group-meetings">
        <h2 id="group-meetings">{t('group.meetings')}</h2>
        {meetings.length === 0 ? (
          <p className="secondary">{t('me.noMeetings')}</p>
        ) : (
          <ul className="items">
            {meetings.map((m) => (
              <li key={m.id}>
                <Link to="/meetings/$meetingId" params={{ meetingId: m.id }}>
                  {m.title}
                </Link>{' '}
                <span className="secondary">{dateTime(m.startsAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="group-seats">
        <h2 id="group-seats">{t('group.seats')}</h2>
        <ul className="items">
          {g.allocations.map((a) => (
            <li key={a.id}>
              <strong>{a.organisation.name}</strong>
              <ul>
                {[...a.seats]
                  .sort((x, y) => x.number - y.number)
                  .map((s) => (
                    <li key={s.id}>{t('group.seat', { number: s.number, holder: s.currentAppointment?.person.displayName ?? t('group.vacant') })}</li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
