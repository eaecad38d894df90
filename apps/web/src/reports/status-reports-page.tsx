import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { BackToCommission } from '../commissions/back-to-commission';
import { request } from '../core/client';
import { ErrorSummary, Field, described, useProblems } from '../core/form';
import { reportHref } from './report-href';
import { ReportPeriodsForm } from './report-periods-form';
import { useI18n } from '../core/i18n';
import type { MessageKey } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { PagerButtons, usePager } from '../core/pager';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { CompileStatusReport, SetReportCadence, StatusReportsPage as ReportsQuery } from './status-reports-page.operations';
import './overview.css';
import './reports.css';

const PAGE = 20;
const CADENCES = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY', 'CUSTOM', 'NONE'] as const;
type Cadence = (typeof CADENCES)[number];

/**
 * A commission's status reports: the list (newest period first, paged on the
 * server) for those who oversee it; for its secretariat also "compile now" and
 * the cadence. A report opens as its own page (/reports/<id>, served by the API).
 */
export function StatusReportsPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, date, dateTime, locale } = useI18n();
  const pager = usePager();
  const query = useQuery(ReportsQuery, { id: commissionId, first: PAGE, after: pager.after });
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { commission: c, statusReports: list } = query.data;
  const manages = c.mayManage || c.myRoles.includes('SECRETARIAT');
  const day = (iso: string) => date(`${iso}T12:00:00Z`);
  return (
    <>
      <BackToCommission id={commissionId} title={c.title} />
      <Heading>{t('reports.list.title', { title: c.title })}</Heading>
      {manages && (
        <>
          <CompileForm commissionId={commissionId} onCompiled={() => (pager.hasPrevious ? pager.reset() : query.reload())} />
          <CadenceForm commissionId={commissionId} initial={c.reportCadence} onSaved={query.reload} />
          {c.reportCadence === 'CUSTOM' && <ReportPeriodsForm commissionId={commissionId} initial={query.data.customReportPeriods} onSaved={query.reload} />}
        </>
      )}
      <section aria-labelledby="report-list">
        <h2 id="report-list">{t('reports.list.count', { count: list.totalCount })}</h2>
        {list.edges.length === 0 ? (
          <p>{t('reports.overview.noReports')}</p>
        ) : (
          <table className="data stacked" role="table">
            <caption className="visually-hidden">{t('reports.list.caption', { title: c.title })}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('reports.overview.period')}</th>
                <th scope="col" role="columnheader">{t('reports.list.kind')}</th>
                <th scope="col" role="columnheader">{t('reports.overview.rag')}</th>
                <th scope="col" role="columnheader">{t('reports.list.changes')}</th>
                <th scope="col" role="columnheader" className="num">{t('reports.list.overdue')}</th>
                <th scope="col" role="columnheader">{t('reports.overview.compiled')}</th>
                <th scope="col" role="columnheader" className="num">{t('reports.list.readBy')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {list.edges.map(({ node: r }) => (
                <tr key={r.id} role="row">
                  <th scope="row" role="rowheader">
                    <a href={reportHref(r.url, locale)}>{t('reports.list.open', { period: r.periodKey })}</a>
                    <br />
                    <span className="secondary">
                      {day(r.periodStart)} – {day(r.periodEnd)}
                      {r.isEmpty && <> · {t('reports.list.empty')}</>}
                    </span>
                  </th>
                  <td role="cell" data-label={t('reports.list.kind')}>{t(`reports.kind.${r.kind}` as MessageKey)}</td>
                  <td role="cell" data-label={t('reports.overview.rag')}>
                    <span className={`rag rag-${r.rag}`}>{t(`reports.rag.${r.rag}` as MessageKey)}</span>
                  </td>
                  <td role="cell" data-label={t('reports.list.changes')}>
                    {t('reports.list.changeFigures', { new: r.summary.newItems, changed: r.summary.changedItems, completed: r.summary.completedItems, late: r.summary.newlyLateItems })}
                  </td>
                  <td role="cell" data-label={t('reports.list.overdue')} className="num">
                    {r.summary.overdue}
                  </td>
                  <td role="cell" data-label={t('reports.overview.compiled')}>{dateTime(r.compiledAt)}</td>
                  <td role="cell" data-label={t('reports.list.readBy')} className="num">
                    {r.openedBy.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <PagerButtons pager={pager} pageInfo={list.pageInfo} newer={t('reports.list.previous')} older={t('reports.list.next')} />
      </section>
    </>
  );
}

/** "Compile a report now": the running period unless one is named; the new report is linked when done. */
function CompileForm({ commissionId, onCompiled }: { commissionId: string; onCompiled(): void }) {
  const { t, locale } = useI18n();
  const { errors, summary, busy, send } = useProblems();
  const [compiled, setCompiled] = useState<{ periodKey: string; url: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const period = String(form.get('period') ?? '').trim();
    setCompiled(null);
    await send(async () => {
      const result = await request(CompileStatusReport, { input: { commissionId, period: period || null, notifyCommissioners: form.get('notifyCommissioners') === 'on' } });
      setCompiled(result.compileStatusReport);
      onCompiled();
    }, 'period');
  }

  return (
    <section aria-labelledby="compile">
      <h2 id="compile">{t('reports.compile.title')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary ref={summary} errors={errors} />
        <Field id="period" label={t('reports.compile.period')} hint={t('reports.compile.periodHint')} errors={errors}>
          <input id="period" name="period" type="text" autoComplete="off" maxLength={30} {...described('period', errors, 'period-hint')} />
        </Field>
        <label className="choice">
          <input type="checkbox" id="notifyCommissioners" name="notifyCommissioners" />
          {t('reports.compile.notify')}
        </label>
        <p>
          <button type="submit" disabled={busy}>
            {t('reports.compile.submit')}
          </button>
        </p>
        <p role="status" className="saved">
          {compiled && (
            <>
              {t('reports.compile.done', { period: compiled.periodKey })} <a href={reportHref(compiled.url, locale)}>{t('reports.list.open', { period: compiled.periodKey })}</a>
            </>
          )}
        </p>
      </form>
    </section>
  );
}

/** How often the worker compiles scheduled reports (a cadence of the commission, as on its edit page). */
function CadenceForm({ commissionId, initial, onSaved }: { commissionId: string; initial: Cadence; onSaved(): void }) {
  const { t } = useI18n();
  const { errors, summary, busy, send } = useProblems();
  const [cadence, setCadence] = useState<Cadence>(initial);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    await send(async () => {
      await request(SetReportCadence, { input: { id: commissionId, reportCadence: cadence } });
      setSaved(true);
      onSaved();
    }, 'reportCadence');
  }

  return (
    <section aria-labelledby="cadence">
      <h2 id="cadence">{t('reports.cadence.title')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary ref={summary} errors={errors} />
        <Field id="reportCadence" label={t('reports.cadence.label')} hint={t('reports.cadence.hint')} errors={errors}>
          <select
            id="reportCadence"
            value={cadence}
            onChange={(e) => {
              setCadence(e.target.value as Cadence);
              setSaved(false);
            }}
            {...described('reportCadence', errors, 'reportCadence-hint')}
          >
            {CADENCES.map((k) => (
              <option key={k} value={k}>
                {t(`commission.CADENCE_${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        <p>
          <button type="submit" disabled={busy}>
            {t('reports.cadence.submit')}
          </button>
        </p>
        <p role="status" className="saved">
          {saved && t('reports.cadence.saved', { cadence: t(`commission.CADENCE_${cadence}` as MessageKey) })}
        </p>
      </form>
    </section>
  );
}
