import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { DeliverablesPage as DeliverablesQuery } from './deliverables-page.operations';
import { HEALTHS, deliverablesSearch, type DeliverablesSearch, type Health } from './deliverables-search';
import './deliverables.css';

export const STATUSES = ['PLANNED', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED', 'DELIVERED', 'CANCELLED'] as const;

/**
 * A commission's deliverables as a list or as a board by status, each with its
 * health (on track, at risk, late: computed by the API), filtered on the server
 * by group, strategy goal, responsible person and health.
 */
export function DeliverablesPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const search = deliverablesSearch(useSearch({ strict: false }) as Record<string, unknown>);
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const filter = {
    commissionId,
    workingGroupId: search.group,
    goalId: search.goal,
    responsiblePersonId: search.person,
    health: search.health,
  };
  const query = useQuery(DeliverablesQuery, { id: commissionId, filter });
  const [draft, setDraft] = useState(search);
  const searchKey = JSON.stringify(search);
  useEffect(() => setDraft(deliverablesSearch(JSON.parse(searchKey) as Record<string, unknown>)), [searchKey]);

  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { commission, deliverables } = query.data;
  const rows = deliverables.edges.map((e) => e.node);
  const goals = commission.strategy?.priorityAreas.flatMap((a) => a.goals) ?? [];
  const day = (isoDate: string) => date(`${isoDate}T12:00:00Z`);
  const board = search.view === 'board';
  const go = (next: DeliverablesSearch) => void navigate({ to: '/commissions/$commissionId/deliverables', params: { commissionId }, search: next });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go({ ...draft, view: search.view });
  }

  const health = (value: Health | null) => (value ? <span className={`dl-health ${value}`}>{t(`deliverables.${value}`)}</span> : <span className="secondary">–</span>);
  const title = (d: (typeof rows)[number]) => (
    <Link to="/deliverables/$deliverableId" params={{ deliverableId: d.id }}>
      {d.title}
    </Link>
  );

  return (
    <>
      <Heading>{t('deliverables.title', { commission: commission.title })}</Heading>
      <ul className="actions">
        <li>
          <Link to="/commissions/$commissionId" params={{ commissionId }}>
            {commission.title}
          </Link>
        </li>
        {commission.mayManage && (
          <li>
            <Link to="/commissions/$commissionId/deliverables/new" params={{ commissionId }}>
              {t('deliverables.new')}
            </Link>
          </li>
        )}
      </ul>

      <form onSubmit={apply} aria-label={t('deliverables.filters')}>
        <fieldset className="dl-filters">
          <legend>{t('deliverables.filters')}</legend>
          <div>
            <label htmlFor="filter-group">{t('deliverables.group')}</label>
            <select id="filter-group" value={draft.group ?? ''} onChange={(e) => setDraft({ ...draft, group: e.target.value || undefined })}>
              <option value="">{t('deliverables.allGroups')}</option>
              {commission.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          {goals.length > 0 && (
            <div>
              <label htmlFor="filter-goal">{t('deliverables.goal')}</label>
              <select id="filter-goal" value={draft.goal ?? ''} onChange={(e) => setDraft({ ...draft, goal: e.target.value || undefined })}>
                <option value="">{t('deliverables.allGoals')}</option>
                {goals.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.code} {g.text}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="filter-person">{t('deliverables.responsible')}</label>
            <select id="filter-person" value={draft.person ?? ''} onChange={(e) => setDraft({ ...draft, person: e.target.value || undefined })}>
              <option value="">{t('deliverables.anyone')}</option>
              {commission.deliverableResponsibles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-health">{t('deliverables.health')}</label>
            <select id="filter-health" value={draft.health ?? ''} onChange={(e) => setDraft({ ...draft, health: (e.target.value || undefined) as Health | undefined })}>
              <option value="">{t('deliverables.anyHealth')}</option>
              {HEALTHS.map((h) => (
                <option key={h} value={h}>
                  {t(`deliverables.${h}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="dl-filter-buttons">
            <button type="submit">{t('deliverables.apply')}</button>
            {(search.group || search.goal || search.person || search.health) && (
              <button type="button" className="link" onClick={() => go({ view: search.view })}>
                {t('deliverables.clear')}
              </button>
            )}
          </div>
        </fieldset>
      </form>

      {/* The router marks the link of the current view (aria-current="page"): the search must match, view included. */}
      <nav aria-label={t('deliverables.view')}>
        <ul className="dl-views">
          <li>
            <Link to="/commissions/$commissionId/deliverables" params={{ commissionId }} search={{ ...search, view: undefined }} activeOptions={{ explicitUndefined: true }}>
              {t('deliverables.list')}
            </Link>
          </li>
          <li>
            <Link to="/commissions/$commissionId/deliverables" params={{ commissionId }} search={{ ...search, view: 'board' }}>
              {t('deliverables.board')}
            </Link>
          </li>
        </ul>
      </nav>

      <p role="status" id="deliverables-count">
        {t('deliverables.count', { count: deliverables.totalCount })}
      </p>
      {deliverables.totalCount > rows.length && <p className="secondary">{t('deliverables.more', { shown: rows.length, total: deliverables.totalCount })}</p>}

      {rows.length > 0 && !board && (
        <table className="dl-table" id="deliverables-list">
          <thead>
            <tr>
              <th scope="col">{t('deliverables.column.title')}</th>
              <th scope="col">{t('deliverables.column.due')}</th>
              <th scope="col">{t('deliverables.column.status')}</th>
              <th scope="col">{t('deliverables.column.health')}</th>
              <th scope="col">{t('deliverables.column.group')}</th>
              <th scope="col">{t('deliverables.column.responsible')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {title(d)} <span className="secondary">({d.kindLabel})</span>
                </th>
                <td data-label={t('deliverables.column.due')}>{day(d.dueOn)}</td>
                <td data-label={t('deliverables.column.status')}>{d.statusLabel}</td>
                <td data-label={t('deliverables.column.health')}>{health(d.health)}</td>
                <td data-label={t('deliverables.column.group')}>{d.workingGroup?.name ?? t('deliverables.wholeCommission')}</td>
                <td data-label={t('deliverables.column.responsible')}>{d.responsiblePerson?.displayName ?? t('deliverables.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {board && (
        <div className="dl-board" id="deliverables-board">
          {STATUSES.map((status) => {
            const inColumn = rows.filter((d) => d.status === status);
            return (
              <section key={status} className="dl-column" aria-labelledby={`column-${status}`} data-status={status}>
                <h2 id={`column-${status}`}>
                  {t(`deliverables.${status}`)} <span className="secondary">({inColumn.length})</span>
                </h2>
                {inColumn.length === 0 ? (
                  <p className="secondary">{t('deliverables.emptyColumn')}</p>
                ) : (
                  <ul>
                    {inColumn.map((d) => (
                      <li key={d.id} className="dl-card">
                        {title(d)}
                        <p>
                          {day(d.dueOn)} {health(d.health)}
                        </p>
                        <p className="secondary">
                          {d.workingGroup?.name ?? t('deliverables.wholeCommission')}
                          {d.responsiblePerson && ` · ${d.responsiblePerson.displayName}`}
                        </p>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
