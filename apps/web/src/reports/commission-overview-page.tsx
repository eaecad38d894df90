import { Link, useParams } from '@tanstack/react-router';
import { reportHref } from './report-href';
import { useI18n } from '../core/i18n';
import type { MessageKey } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { CommissionOverviewPage as OverviewQuery } from './commission-overview-page.operations';
import './overview.css';

type Rag = 'ON_TRACK' | 'AT_RISK' | 'LATE' | 'NO_DATA';
const RAGS: Rag[] = ['LATE', 'AT_RISK', 'ON_TRACK', 'NO_DATA'];

function RagBadge({ rag }: { rag: Rag }) {
  const { t } = useI18n();
  return <span className={`rag rag-${rag}`}>{t(`reports.rag.${rag}` as MessageKey)}</span>;
}

/**
 * The commissioner's home: the commission at a glance today, by the status
 * reports' own rules (one GraphQL request), and its reports. Read-only.
 */
export function CommissionOverviewPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, date, dateTime, locale } = useI18n();
  const query = useQuery(OverviewQuery, { id: commissionId });
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const o = query.data.commissionOverview;
  const reports = query.data.statusReports.edges.map((e) => e.node);
  const day = (iso: string) => date(`${iso}T12:00:00Z`);
  const counts = RAGS.map((rag) => ({ rag, count: o.groups.filter((g) => g.rag === rag).length })).filter((c) => c.count > 0);
  const summary = counts.map((c) => `${t(`reports.rag.${c.rag}` as MessageKey)} ${c.count}`).join(', ');
  const since = o.sinceLastReport;
  const changeLists = [
    ['reports.overview.newlyLate', since.newlyLate],
    ['reports.overview.completed', since.completed],
    ['reports.overview.new', since.new],
    ['reports.overview.changed', since.changed],
  ] as const;
  return (
    <>
      <Heading>{t('reports.overview.title', { title: o.title })}</Heading>
      <p>
        <Link to="/commissions/$commissionId" params={{ commissionId }}>
          {o.title}
        </Link>
      </p>
      <dl className="facts">
        <dt>{t('reports.overview.overall')}</dt>
        <dd>
          <RagBadge rag={o.rag} />
        </dd>
        <dt>{t('reports.overview.asOf')}</dt>
        <dd>{day(o.asOf)}</dd>
        {o.reportingDeadline && (
          <>
            <dt>{t('reports.overview.deadline')}</dt>
            <dd>{day(o.reportingDeadline)}</dd>
          </>
        )}
        <dt>{t('reports.overview.seats')}</dt>
        <dd>{t('reports.overview.seatFigures', { seats: o.seats, filled: o.filled, holdover: o.holdover, vacant: o.vacant })}</dd>
      </dl>
      <p className="secondary">{t('reports.overview.rule')}</p>

      <section aria-labelledby="groups">
        <h2 id="groups">{t('reports.overview.groups')}</h2>
        {o.groups.length === 0 ? (
          <p>{t('reports.overview.noGroups')}</p>
        ) : (
          <>
            <figure className="rag-picture" style={{ margin: 0 }}>
              <div className="rag-bar" role="img" aria-label={t('reports.overview.pictureLabel', { summary })}>
                {counts.map((c) => (
                  <span key={c.rag} className={`rag-${c.rag}`} style={{ width: `${(100 * c.count) / o.groups.length}%` }} />
                ))}
              </div>
              <figcaption>
                <ul className="rag-legend">
                  {counts.map((c) => (
                    <li key={c.rag}>
                      <RagBadge rag={c.rag} /> {c.count}
                    </li>
                  ))}
                </ul>
              </figcaption>
            </figure>
            <table className="data" id="groups-table">
              <caption>{t('reports.overview.picture')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.overview.group')}</th>
                  <th scope="col">{t('reports.overview.rag')}</th>
                  <th scope="col" className="num">{t('reports.overview.seats')}</th>
                  <th scope="col" className="num">{t('reports.overview.vacantSeats')}</th>
                </tr>
              </thead>
              <tbody>
                {o.groups.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: g.id }}>
                        {g.name}
                      </Link>
                    </th>
                    <td>
                      <RagBadge rag={g.rag} />
                    </td>
                    <td className="num">{g.seats}</td>
                    <td className="num">{g.vacant}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {o.goals.length > 0 && (
        <section aria-labelledby="goals">
          <h2 id="goals">{t('reports.overview.goals')}</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('reports.overview.goal')}</th>
                <th scope="col">{t('reports.overview.rag')}</th>
              </tr>
            </thead>
            <tbody>
              {o.goals.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    {g.code} {g.text}
                  </th>
                  <td>
                    <RagBadge rag={g.rag} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="late">
        <h2 id="late">{t('reports.overview.late')}</h2>
        {o.overdue.length === 0 ? (
          <p>{t('reports.overview.noLate')}</p>
        ) : (
          <ul className="items">
            {o.overdue.map((item) => (
              <li key={item.key}>
                {item.deliverableId ? (
                  <Link to="/deliverables/$deliverableId" params={{ deliverableId: item.deliverableId }}>
                    {item.title}
                  </Link>
                ) : (
                  <>
                    {t('reports.overview.actionItem')}: {item.title}
                  </>
                )}
                {item.groupName && <> ({item.groupName})</>} — {t('reports.overview.due')} {day(item.dueOn)},{' '}
                <strong>{t('reports.overview.daysOverdue', { days: item.daysOverdue })}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="deadlines">
        <h2 id="deadlines">{t('reports.overview.nextDeadlines')}</h2>
        {o.nextDeadlines.length === 0 ? (
          <p>{t('reports.overview.noDeadlines')}</p>
        ) : (
          <ul className="items">
            {o.nextDeadlines.map((d) => (
              <li key={d.deliverableId}>
                <Link to="/deliverables/$deliverableId" params={{ deliverableId: d.deliverableId }}>
                  {d.title}
                </Link>
                {d.groupName && <> ({d.groupName})</>} — {t('reports.overview.due')} {day(d.dueOn)} <RagBadge rag={d.rag} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="vacancies">
        <h2 id="vacancies">{t('reports.overview.vacancies')}</h2>
        {o.vacancies.length === 0 ? (
          <p>{t('reports.overview.noVacancies')}</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('reports.overview.group')}</th>
                <th scope="col">{t('reports.overview.organisation')}</th>
                <th scope="col" className="num">{t('reports.overview.vacantSeats')}</th>
              </tr>
            </thead>
            <tbody>
              {o.vacancies.map((v) => (
                <tr key={`${v.groupId}:${v.organisation}`}>
                  <td>{v.groupName}</td>
                  <td>{v.organisation}</td>
                  <td className="num">
                    {v.vacant} / {v.seats}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="since">
        <h2 id="since">{t('reports.overview.since')}</h2>
        {!o.lastReport ? (
          <p>{t('reports.overview.noReport')}</p>
        ) : (
          <>
            <p>
              <a href={reportHref(o.lastReport.url, locale)}>{t('reports.overview.lastReport', { period: o.lastReport.periodKey })}</a>
            </p>
            {changeLists.every(([, list]) => list.length === 0) && <p>{t('reports.overview.nothingChanged')}</p>}
            {changeLists
              .filter(([, list]) => list.length > 0)
              .map(([key, list]) => (
                <div key={key} className="changes">
                  <h3>{t(key)}</h3>
                  <ul className="items">
                    {list.map((c) => (
                      <li key={c.key}>
                        {c.title}
                        {c.changes.length > 0 && <span className="secondary"> — {c.changes.join('; ')}</span>}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
          </>
        )}
      </section>

      <section aria-labelledby="reports">
        <h2 id="reports">{t('reports.overview.reports')}</h2>
        {reports.length === 0 ? (
          <p>{t('reports.overview.noReports')}</p>
        ) : (
          <ul className="items">
            {reports.map((r) => (
              <li key={r.id}>
                <a href={reportHref(r.url, locale)}>{r.periodKey}</a> ({t(`reports.kind.${r.kind}` as MessageKey)}) <RagBadge rag={r.rag} />{' '}
                <span className="secondary">
                  {t('reports.overview.compiled')} {dateTime(r.compiledAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/commissions/$commissionId/status-reports" params={{ commissionId }}>
            {t('reports.overview.allReports')}
          </Link>
        </p>
      </section>
    </>
  );
}
