import { Link } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { MySeatsPage as MySeatsQuery } from './my-seats-page.operations';
import type { ResultOf } from '../core/graphql';

type Appointment = ResultOf<typeof MySeatsQuery>['me']['person']['appointments'][number];

const DAY = 86_400_000;
/** Days from one YYYY-MM-DD to another, both counted. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;

/** Today as YYYY-MM-DD in the reader's time zone (terms are calendar days). */
function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/**
 * Days served on an appointment up to today, as timeServed counts them: from the
 * first day to the last (or today), none before it starts.
 */
export function daysServed(a: { startsOn: string; endsOn: string | null }, on: string): number {
  if (a.startsOn > on) return 0;
  return daysBetween(a.startsOn, a.endsOn && a.endsOn < on ? a.endsOn : on);
}

/** My seats: for each, group, commission, organisation, role, who holds it with me, the term and the time served. */
export function MySeatsPage() {
  const { t, date, timeZone } = useI18n();
  const query = useQuery(MySeatsQuery, {});
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const on = today(timeZone);
  const appointments = query.data.me.person.appointments;
  // A seat I sit on after my term ended, until a successor starts.
  const holdsOver = (a: Appointment) => a.kind === 'PRINCIPAL' && a.seat.status === 'HOLDOVER' && a.seat.currentAppointment?.id === a.id;
  const current = appointments.filter((a) => !a.endsOn || a.endsOn >= on || holdsOver(a));
  const earlier = appointments.filter((a) => !current.includes(a));
  const total = appointments.filter((a) => a.kind === 'PRINCIPAL').reduce((sum, a) => sum + daysServed(a, on), 0);
  const day = (iso: string) => date(`${iso}T12:00:00Z`);

  const seat = (a: Appointment) => {
    const g = a.seat.allocation.workingGroup;
    const other = a.kind === 'PRINCIPAL' ? a.seat.currentSubstitute?.person : a.seat.currentAppointment?.person;
    const served = daysServed(a, on);
    return (
      <li key={a.id} className="card" id={`seat-${a.id}`}>
        <h3>
          <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: g.id }}>
            {g.name}
          </Link>
        </h3>
        <dl className="facts">
          <dt>{t('me.seatCommission')}</dt>
          <dd>
            <Link to="/commissions/$commissionId" params={{ commissionId: g.commission.id }}>
              {g.commission.title}
            </Link>
          </dd>
          <dt>{t('me.seatOrganisation')}</dt>
          <dd>
            {t('me.seatOf', { organisation: a.seat.allocation.organisation.name, number: a.seat.number })}
            {a.seat.allocation.requiredPerspective && <div className="secondary">{t('me.seatPerspective', { perspective: a.seat.allocation.requiredPerspective })}</div>}
          </dd>
          <dt>{t('me.seatRole')}</dt>
          <dd>
            {a.kind === 'SUBSTITUTE' ? t('me.substitute') : t('me.principal')}
            {a.seat.allocation.role !== 'MEMBER' && <> · {t(`me.role.${a.seat.allocation.role}`)}</>}
          </dd>
          {a.kind === 'SUBSTITUTE' ? (
            <>
              <dt>{t('me.seatPrincipal')}</dt>
              <dd>{other?.displayName ?? t('me.seatNobody')}</dd>
            </>
          ) : (
            <>
              <dt>{t('me.seatSubstitute')}</dt>
              <dd>{other?.displayName ?? t('me.seatNobody')}</dd>
            </>
          )}
          <dt>{t('me.seatTerm')}</dt>
          <dd>
            {t('me.termNumber', { term: a.termNumber })}: {day(a.startsOn)} – {a.endsOn ? day(a.endsOn) : t('me.termNoEnd')}
            {a.startsOn > on && <div className="secondary">{t('me.termComing', { date: day(a.startsOn) })}</div>}
            {holdsOver(a) && <div className="notice-inline">{t('me.holdover')}</div>}
            {a.endedReason && <div className="secondary">{t('me.endedReason', { reason: a.endedReason })}</div>}
          </dd>
          <dt>{t('me.seatServed')}</dt>
          <dd>{t('me.days', { days: served })}</dd>
        </dl>
      </li>
    );
  };

  return (
    <>
      <Heading>{t('me.seats')}</Heading>
      <p id="time-served">{t('me.timeServed', { days: total })}</p>
      <section aria-labelledby="seats-current">
        <h2 id="seats-current">{t('me.seatsCurrent')}</h2>
        {current.length === 0 ? <p className="secondary">{t('me.noSeats')}</p> : <ul className="cards">{current.map(seat)}</ul>}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="seats-earlier">
          <h2 id="seats-earlier">{t('me.seatsEarlier')}</h2>
          <ul className="cards">{earlier.map(seat)}</ul>
        </section>
      )}
    </>
  );
}
