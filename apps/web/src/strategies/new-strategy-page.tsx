import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, FieldProblem, described, useProblems, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { CreateStrategy, NewStrategyPage as NewStrategyQuery } from './new-strategy-page.operations';

interface AreaDraft {
  key: number;
  title: string;
  goals: string;
}

/** The goals typed one per line, numbered within their area: area 2's third line is goal "2.3". */
function goalsOf(area: number, text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => ({ code: `${area}.${i + 1}`, text: line }));
}

/**
 * A new strategy: its title, description and publication date, and its priority
 * areas, each with its goals (one per line, numbered as they come). More areas and
 * goals, and rewording, on the strategy's own page afterwards.
 */
export function NewStrategyPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(NewStrategyQuery, {});
  const problems = useProblems();
  const [areas, setAreas] = useState<AreaDraft[]>([{ key: 1, title: '', goals: '' }]);
  const [busy, setBusy] = useState(false);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  if (!query.data.mayEditStrategies) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;

  const update = (key: number, change: Partial<AreaDraft>) => setAreas((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const found: FieldError[] = [];
    if (!title) found.push({ field: 'title', message: t('strategy.titleRequired') });
    areas.forEach((a, i) => {
      if (!a.title.trim() && a.goals.trim()) found.push({ field: `area-${i + 1}-title`, message: t('strategy.areaTitleRequired', { number: i + 1 }) });
    });
    if (found.length) return problems.setErrors(found);
    const priorityAreas = areas
      .map((a, i) => ({ number: i + 1, title: a.title.trim(), goals: goalsOf(i + 1, a.goals) }))
      .filter((a) => a.title);
    setBusy(true);
    try {
      const created = await request(CreateStrategy, {
        input: {
          title,
          description: String(form.get('description') ?? '').trim() || undefined,
          publishedOn: String(form.get('publishedOn') ?? '') || undefined,
          priorityAreas,
        },
      });
      await navigate({ to: '/strategies/$strategyId', params: { strategyId: created.createStrategy.id } });
    } catch (error) {
      // The API names an area's fields by their place ("priorityAreas.0.title"): the form's ids.
      const names: Record<string, string> = {};
      priorityAreas.forEach((a, i) => {
        names[`priorityAreas.${i}.title`] = `area-${a.number}-title`;
        names[`priorityAreas.${i}.goals`] = `area-${a.number}-goals`;
        a.goals.forEach((_, j) => (names[`priorityAreas.${i}.goals.${j}.text`] = `area-${a.number}-goals`));
      });
      problems.fail(error, 'title', names);
    } finally {
      setBusy(false);
    }
  }

  const e = problems.errors;
  return (
    <div className="narrow">
      <Heading>{t('strategy.newTitle')}</Heading>
      <p>
        <Link to="/commissions">{t('commission.listTitle')}</Link>
      </p>
      <ErrorSummary ref={problems.summary} errors={e} />
      <form className="stack" onSubmit={(ev) => void create(ev)} noValidate>
        <label htmlFor="title">{t('strategy.title')}</label>
        <input id="title" name="title" type="text" required {...described('title', e)} />
        <FieldProblem id="title" errors={e} />
        <label htmlFor="description">{t('strategy.description')}</label>
        <textarea id="description" name="description" rows={3} {...described('description', e)} />
        <FieldProblem id="description" errors={e} />
        <label htmlFor="publishedOn">{t('strategy.publishedOn')}</label>
        <input id="publishedOn" name="publishedOn" type="date" {...described('publishedOn', e)} />
        <FieldProblem id="publishedOn" errors={e} />
        {areas.map((a, i) => (
          <fieldset key={a.key} className="stack">
            <legend>{t('strategy.areaLegend', { number: i + 1 })}</legend>
            <label htmlFor={`area-${i + 1}-title`}>{t('strategy.areaTitle')}</label>
            <input id={`area-${i + 1}-title`} type="text" value={a.title} onChange={(ev) => update(a.key, { title: ev.target.value })} {...described(`area-${i + 1}-title`, e)} />
            <FieldProblem id={`area-${i + 1}-title`} errors={e} />
            <label htmlFor={`area-${i + 1}-goals`}>{t('strategy.areaGoals')}</label>
            <p id={`area-${i + 1}-goals-hint`} className="hint">
              {t('strategy.areaGoalsHint', { number: i + 1 })}
            </p>
            <textarea id={`area-${i + 1}-goals`} rows={4} value={a.goals} onChange={(ev) => update(a.key, { goals: ev.target.value })} {...described(`area-${i + 1}-goals`, e, `area-${i + 1}-goals-hint`)} />
            <FieldProblem id={`area-${i + 1}-goals`} errors={e} />
            {areas.length > 1 && (
              <p>
                <button type="button" className="secondary-button" onClick={() => setAreas((list) => list.filter((x) => x.key !== a.key))}>
                  {t('strategy.removeArea', { number: i + 1 })}
                </button>
              </p>
            )}
          </fieldset>
        ))}
        <p>
          <button type="button" className="secondary-button" onClick={() => setAreas((list) => [...list, { key: Math.max(0, ...list.map((x) => x.key)) + 1, title: '', goals: '' }])}>
            {t('strategy.anotherArea')}
          </button>
        </p>
        <p>
          <button type="submit" disabled={busy}>
            {t('strategy.create')}
          </button>
        </p>
      </form>
    </div>
  );
}
