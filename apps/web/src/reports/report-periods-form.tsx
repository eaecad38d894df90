import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, FieldProblem, described, useProblems } from '../core/form';
import { useI18n } from '../core/i18n';
import { SetCustomReportPeriods } from './status-reports-page.operations';

interface Period {
  /** A key for React only: saved periods keep theirs, new rows get one here. */
  key: string;
  startsOn: string;
  endsOn: string;
}

/**
 * The periods of a commission whose cadence is "periods of our own" (CUSTOM):
 * a report is compiled when each ends. The list is replaced as a whole; the API
 * says at a period's own field when it ends before it starts or overlaps
 * another (periods.<i>.startsOn → #periods-<i>-startsOn).
 */
export function ReportPeriodsForm({ commissionId, initial, onSaved }: { commissionId: string; initial: readonly { id: string; startsOn: string; endsOn: string }[]; onSaved(): void }) {
  const { t } = useI18n();
  const { errors, summary, busy, send } = useProblems();
  const [periods, setPeriods] = useState<Period[]>(() => initial.map((p) => ({ key: p.id, startsOn: p.startsOn, endsOn: p.endsOn })));
  const [saved, setSaved] = useState<number | null>(null);
  const next = useRef(0);
  const list = useRef<HTMLOListElement>(null);

  const change = (index: number, part: Partial<Period>) => {
    setSaved(null);
    setPeriods((all) => all.map((p, i) => (i === index ? { ...p, ...part } : p)));
  };
  const add = () => {
    setSaved(null);
    setPeriods((all) => {
      // A new period starts the day after the last one ends, when there is one.
      const last = all[all.length - 1]?.endsOn;
      const startsOn = last ? new Date(Date.parse(`${last}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : '';
      return [...all, { key: `new-${next.current++}`, startsOn, endsOn: '' }];
    });
    // The new row's first field takes the focus (after React has drawn it).
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  const remove = (index: number) => {
    setSaved(null);
    setPeriods((all) => all.filter((_, i) => i !== index));
    requestAnimationFrame(() => document.getElementById('periods-add')?.focus());
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    await send(async () => {
      const result = await request(SetCustomReportPeriods, { input: { commissionId, periods: periods.map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn })) } });
      setPeriods(result.setCustomReportPeriods.map((p) => ({ key: p.id, startsOn: p.startsOn, endsOn: p.endsOn })));
      setSaved(result.setCustomReportPeriods.length);
      onSaved();
    }, 'periods-save');
  }

  return (
    <section aria-labelledby="periods">
      <h2 id="periods">{t('reports.periods.title')}</h2>
      <p className="hint" id="periods-hint">
        {t('reports.periods.hint')}
      </p>
      <form onSubmit={submit} noValidate aria-describedby="periods-hint">
        <ErrorSummary ref={summary} errors={errors} />
        {periods.length === 0 && <p>{t('reports.periods.none')}</p>}
        <ol className="inline-list report-periods" ref={list}>
          {periods.map((p, i) => {
            const [start, end] = [`periods-${i}-startsOn`, `periods-${i}-endsOn`];
            return (
              <li key={p.key}>
                <fieldset>
                  <legend>{t('reports.periods.period', { n: i + 1 })}</legend>
                  <div className="period-fields">
                    <div className="field">
                      <label htmlFor={start} data-summary-label={t('reports.periods.fieldOf', { n: i + 1, field: t('reports.periods.startsOn').toLocaleLowerCase() })}>
                        {t('reports.periods.startsOn')}
                      </label>
                      <FieldProblem id={start} errors={errors} />
                      <input id={start} type="date" required value={p.startsOn} onChange={(e) => change(i, { startsOn: e.target.value })} {...described(start, errors)} />
                    </div>
                    <div className="field">
                      <label htmlFor={end} data-summary-label={t('reports.periods.fieldOf', { n: i + 1, field: t('reports.periods.endsOn').toLocaleLowerCase() })}>
                        {t('reports.periods.endsOn')}
                      </label>
                      <FieldProblem id={end} errors={errors} />
                      <input id={end} type="date" required value={p.endsOn} min={p.startsOn || undefined} onChange={(e) => change(i, { endsOn: e.target.value })} {...described(end, errors)} />
                    </div>
                    <button type="button" className="secondary-button" onClick={() => remove(i)}>
                      {t('reports.periods.remove', { n: i + 1 })}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <p>
          <button id="periods-add" type="button" className="secondary-button" onClick={add}>
            {t('reports.periods.add')}
          </button>
        </p>
        <FieldProblem id="periods-save" errors={errors} />
        <p>
          <button id="periods-save" type="submit" disabled={busy}>
            {t('reports.periods.submit')}
          </button>
        </p>
        <p role="status" className="saved">
          {saved !== null && t('reports.periods.saved', { count: saved })}
        </p>
      </form>
    </section>
  );
}
