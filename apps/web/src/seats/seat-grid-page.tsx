import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { BalanceChart, PairRuleChart } from './seat-charts';
import { SeatGridPage as SeatGridQuery } from './seat-grid-page.operations';
import './seats.css';

/** Days before a term's end when the grid marks it "ending" (as the term-ending reminder's first mail). */
export const ENDING_WITHIN_DAYS = 60;

export type GridStatus = 'FILLED' | 'HOLDOVER' | 'VACANT' | 'ENDING';
const STATUSES: GridStatus[] = ['FILLED', 'ENDING', 'HOLDOVER', 'VACANT'];

/** A seat's status in the grid: the server's FILLED, HOLDOVER or VACANT, and ENDING for a filled seat whose term ends within 60 days. */
export function gridStatus(status: string, endsOn: string | null | undefined, today: string): GridStatus {
  if (status === 'FILLED' && endsOn && endsOn <= addDays(today, ENDING_WITHIN_DAYS)) return 'ENDING';
  return status as GridStatus;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The seat grid of a working group: one row per seat (organisation, seat, status,
 * principal, substitute, gender where known), filters by status and organisation,
 * the CSV export, the gender balance and the § 9 pair rule as pictures with their
 * tables, and the § 10 composition report. The secretariat and the commissioners.
 */
export function SeatGridPage() {
  const { workingGroupId } = useParams({ strict: false }) as { workingGroupId: string };
  const { t, date } = useI18n();
  const query = useQuery(SeatGridQuery, { id: workingGroupId });
  const [status, setStatus] = useState<'' | GridStatus>('');
  const [organisation, setOrganisation] = useState('');
  const today = useMemo(todayIso, []);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const g = query.data.workingGroup;
  const organisations = [...new Map(g.allocations.map((a) => [a.organisation.id, a.organisation.name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const rows = g.allocations.flatMap((a) =>
    [...a.seats]
      .sort((x, y) => x.number - y.number)
      .map((s) => ({ allocation: a, seat: s, status: gridStatus(s.status, s.currentAppointment?.endsOn, today) })),
  );
  const shown = rows.filter((r) => (!status || r.status === status) && (!organisation || r.allocation.organisation.id === organisation));
  const compliance = new Map(g.genderCompliance.map((c) => [c.allocationId, c]));
  const gender = (value: string | null | undefined) => (value ? t(`seats.gender.${value}` as 'seats.gender.WOMAN') : '–');

  return (
    <>
      <Heading>{t('seats.gridTitle', { group: g.name })}</Heading>
      <p>
        <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: g.id }}>
          {g.name}
        </Link>{' '}
        · <Link to="/commissions/$commissionId" params={{ commissionId: g.commission.id }}>{g.commission.title}</Link>
      </p>
      <ul className="seat-actions">
        <li>
          <Link to="/working-groups/$workingGroupId/allocations/new" params={{ workingGroupId: g.id }}>
            {t('seats.newAllocation')}
          </Link>
        </li>
        <li>
          <a href={`/working-groups/${g.id}/seats.csv`} download>
            {t('seats.csv')}
          </a>
        </li>
      </ul>

      <form className="seat-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('seats.filters')}>
        <div>
          <label htmlFor="filter-status">{t('seats.filterStatus')}</label>
          <select id="filter-status" value={status} onChange={(e) => setStatus(e.target.value as GridStatus | '')}>
            <option value="">{t('seats.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`seats.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-organisation">{t('seats.filterOrganisation')}</label>
          <select id="filter-organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
            <option value="">{t('seats.all')}</option>
            {organisations.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p role="status" className="secondary">
        {t('seats.shown', { shown: shown.length, total: rows.length })}
      </p>

      <div className="table-scroll">
        <table className="seat-grid" aria-describedby="grid-help" onKeyDown={moveInGrid}>
          <caption>{t('seats.gridCaption', { group: g.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('seats.organisation')}</th>
              <th scope="col">{t('seats.seat')}</th>
              <th scope="col">{t('seats.statusHeader')}</th>
              <th scope="col">{t('seats.principal')}</th>
              <th scope="col">{t('seats.term')}</th>
              <th scope="col">{t('seats.substitute')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ allocation: a, seat: s, status: st }, i) => {
              const p = s.currentAppointment;
              const sub = s.currentSubstitute;
              return (
                <tr key={s.id} data-status={st}>
                  <th scope="row" tabIndex={i === 0 ? 0 : -1}>
                    <Link to="/working-groups/$workingGroupId/allocations/$allocationId" params={{ workingGroupId: g.id, allocationId: a.id }} tabIndex={-1}>
                      {a.organisation.name}
                    </Link>
                    {a.nominatingOrganisation.id !== a.organisation.id && <span className="secondary"> ({t('seats.nominatedBy', { name: a.nominatingOrganisation.name })})</span>}
                    {a.requiredPerspective && <span className="secondary"> · {a.requiredPerspective}</span>}
                  </th>
                  <td tabIndex={-1}>{s.number}</td>
                  <td tabIndex={-1}>
                    <span className={`seat-status seat-status-${st.toLowerCase()}`}>{t(`seats.status.${st}`)}</span>
                  </td>
                  <td tabIndex={-1}>
                    {p ? (
                      <>
                        {p.person.displayName} <span className="secondary">({gender(p.person.gender)})</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                  <td tabIndex={-1}>{p ? `${date(p.startsOn)} – ${p.endsOn ? date(p.endsOn) : t('seats.openEnded')}` : '–'}</td>
                  <td tabIndex={-1}>
                    {sub ? (
                      <>
                        {sub.person.displayName} <span className="secondary">({gender(sub.person.gender)})</span>
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p id="grid-help" className="secondary">
        {t('seats.gridHelp')}
      </p>

      <section aria-labelledby="balance">
        <h2 id="balance">{t('seats.balance')}</h2>
        <BalanceChart balance={g.genderBalance} caption={t('seats.balanceCaption')} />
      </section>

      <section aria-labelledby="pair-rule">
        <h2 id="pair-rule">{t('seats.pairRule')}</h2>
        <p>{t('seats.pairRuleIntro')}</p>
        <PairRuleChart
          lines={g.allocations.map((a) => {
            const c = compliance.get(a.id);
            return {
              id: a.id,
              name: a.organisation.name + (a.requiredPerspective ? ` (${a.requiredPerspective})` : '') + (a.nominatingOrganisation.id !== a.organisation.id ? ` – ${a.nominatingOrganisation.name}` : ''),
              seats: a.seatCount,
              required: a.requiresGenderPair,
              women: c?.womenProposed ?? 0,
              men: c?.menProposed ?? 0,
              nominated: c?.nominated ?? false,
              complies: c?.complies ?? !a.requiresGenderPair,
              reason: c?.reason ?? null,
            };
          })}
        />
      </section>

      <section aria-labelledby="composition">
        <h2 id="composition">{t('seats.composition')}</h2>
        <p>{t('seats.compositionIntro')}</p>
        <div className="table-scroll">
          <table className="data">
            <caption>{t('seats.compositionCaption', { group: g.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seats.organisation')}</th>
                <th scope="col">{t('seats.seats')}</th>
                <th scope="col">{t('seats.proposed')}</th>
                <th scope="col">{t('seats.women')}</th>
                <th scope="col">{t('seats.men')}</th>
                <th scope="col">{t('seats.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {g.compositionReport.lines.map((line, i) => (
                <tr key={`${line.organisation.id}-${i}`}>
                  <th scope="row">
                    {line.organisation.name}
                    {line.requiredPerspective && <span className="secondary"> · {line.requiredPerspective}</span>}
                  </th>
                  <td>{line.seats}</td>
                  <td>{line.proposed.length ? line.proposed.map((p) => `${p.displayName} (${gender(p.gender)})`).join(', ') : t('seats.noneProposed')}</td>
                  <td>{line.womenProposed}</td>
                  <td>{line.menProposed}</td>
                  <td>{line.reason ?? '–'}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('seats.total')}</th>
                <td>{g.compositionReport.lines.reduce((n, l) => n + l.seats, 0)}</td>
                <td>{t('seats.proposedBalance', { women: g.compositionReport.proposed.women, men: g.compositionReport.proposed.men, other: g.compositionReport.proposed.other, notStated: g.compositionReport.proposed.notStated })}</td>
                <td>{g.compositionReport.proposed.women}</td>
                <td>{g.compositionReport.proposed.men}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </>
  );
}

/**
 * Arrow keys move between the grid's cells (one cell at a time is in the Tab order,
 * as in the ARIA grid pattern), Home/End to the row's ends, Enter opens the
 * organisation's allocation. The table stays a table for screen readers.
 */
function moveInGrid(event: KeyboardEvent<HTMLTableElement>) {
  const cell = (event.target as HTMLElement).closest('td, th') as HTMLTableCellElement | null;
  if (!cell || !cell.closest('tbody')) return;
  const row = cell.parentElement as HTMLTableRowElement;
  const rows = [...(row.parentElement as HTMLTableSectionElement).rows];
  let r = rows.indexOf(row);
  let c = cell.cellIndex;
  switch (event.key) {
    case 'ArrowDown':
      r = Math.min(r + 1, rows.length - 1);
      break;
    case 'ArrowUp':
      r = Math.max(r - 1, 0);
      break;
    case 'ArrowRight':
      c = Math.min(c + 1, row.cells.length - 1);
      break;
    case 'ArrowLeft':
      c = Math.max(c - 1, 0);
      break;
    case 'Home':
      c = 0;
      break;
    case 'End':
      c = row.cells.length - 1;
      break;
    case 'Enter': {
      const link = cell.querySelector('a');
      if (link && event.target === cell) {
        event.preventDefault();
        link.click();
      }
      return;
    }
    default:
      return;
  }
  event.preventDefault();
  const next = rows[r].cells[c];
  for (const el of (row.parentElement as HTMLTableSectionElement).querySelectorAll('[tabindex="0"]')) if (el.matches('td, th')) el.setAttribute('tabindex', '-1');
  next.setAttribute('tabindex', '0');
  next.focus();
}
