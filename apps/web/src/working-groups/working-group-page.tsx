import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { SeatLinks } from '../seats/seat-links';
import { GroupActions, GroupFacts, GroupMandate } from './group-structure';
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
  // One row per organisation (an organisation may hold several allocations: the five deans' seats for Danske Universiteter).
  const rows = new Map<string, { id: string; name: string; seats: number; filled: number; holdover: number; vacant: number; members: string[] }>();
  for (const a of g.allocations) {
    const row = rows.get(a.organisation.id) ?? { id: a.organisation.id, name: a.organisation.name, seats: 0, filled: 0, holdover: 0, vacant: 0, members: [] };
    for (const seat of [...a.seats].sort((x, y) => x.number - y.number)) {
      row.seats += 1;
      if (seat.status === 'VACANT') row.vacant += 1;
      else row.filled += 1;
      if (seat.status === 'HOLDOVER') row.holdover += 1;
      if (seat.currentAppointment) row.members.push(seat.currentAppointment.person.displayName);
    }
    rows.set(a.organisation.id, row);
  }
  const byOrganisation = [...rows.values()];
  return (
    <>
      <Heading>{g.name}</Heading>
      <GroupActions group={g} />
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
        <GroupFacts group={g} />
      </dl>
      <SeatLinks workingGroupId={g.id} roles={g.commission.myRoles} />
      {g.purpose && <p className="prewrap">{g.purpose}</p>}
      <GroupMandate group={g} />
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
        {byOrganisation.length === 0 ? (
          <p className="secondary">{t('group.noSeats')}</p>
        ) : (
          <table className="by-organisation" role="table">
            <caption className="visually-hidden">{t('group.seatsCaption', { group: g.name })}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t('group.organisation')}
                </th>
                <th scope="col" role="columnheader">
                  {t('group.filledVacant')}
                </th>
                <th scope="col" role="columnheader">
                  {t('group.members')}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {byOrganisation.map((o) => (
                <tr key={o.id} role="row">
                  <th scope="row" role="rowheader">
                    {o.name}
                  </th>
                  <td role="cell">
                    {t('group.counts', { filled: o.filled, seats: o.seats, vacant: o.vacant })}
                    {o.holdover > 0 && <div className="secondary">{t('group.heldOver', { count: o.holdover })}</div>}
                  </td>
                  <td role="cell">{o.members.length ? o.members.join(', ') : <span className="secondary">{t('group.nobody')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
