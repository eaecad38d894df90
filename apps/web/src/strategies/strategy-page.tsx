import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, FieldProblem, described, useProblems } from '../core/form';
import type { ResultOf } from '../core/graphql';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { AddGoal, AddPriorityArea, StrategyPage as StrategyQuery, UpdateGoal, UpdatePriorityArea } from './strategy-page.operations';

type Strategy = ResultOf<typeof StrategyQuery>['strategy'];
type Area = Strategy['priorityAreas'][number];
type Goal = Area['goals'][number];
type Problems = ReturnType<typeof useProblems>;

/** One text field and a save button: edits a title or a goal's text in place. */
function InlineEdit({ id, label, initial, save, problems }: { id: string; label: string; initial: string; save(text: string): Promise<void>; problems: Problems }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(initial);
  if (!open) {
    return (
      <button type="button" className="link" id={`${id}-open`} onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await save(text);
      problems.setErrors([]);
      setOpen(false);
    } catch (error) {
      problems.fail(error, id, { text: id, title: id });
    }
  }
  return (
    <form className="stack inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} {...described(id, problems.errors)} />
      <FieldProblem id={id} errors={problems.errors} />
      <p className="buttons">
        <button type="submit">{t('strategy.save')}</button>{' '}
        <button type="button" className="secondary-button" onClick={() => setOpen(false)}>
          {t('strategy.cancel')}
        </button>
      </p>
    </form>
  );
}

function GoalItem({ goal, editable, problems, reload }: { goal: Goal; editable: boolean; problems: Problems; reload(): void }) {
  const { t, date } = useI18n();
  return (
    <li id={`goal-${goal.code}`}>
      <strong>{goal.code}</strong> {goal.text}
      {editable && (
        <>
          {' '}
          <InlineEdit
            id={`goal-${goal.code.replace('.', '-')}-text`}
            label={t('strategy.editGoal', { code: goal.code })}
            initial={goal.text}
            problems={problems}
            save={async (text) => {
              await request(UpdateGoal, { input: { id: goal.id, text } });
              reload();
            }}
          />
        </>
      )}
      <dl className="facts small">
        <dt>{t('strategy.groups')}</dt>
        <dd>
          {goal.workingGroups.length === 0
            ? t('strategy.nobody')
            : goal.workingGroups.map((g, i) => (
                <span key={g.id}>
                  {i > 0 && ', '}
                  <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: g.id }}>
                    {g.name}
                  </Link>
                </span>
              ))}
        </dd>
        <dt>{t('strategy.deliverables')}</dt>
        <dd>
          {goal.deliverables.length === 0
            ? t('strategy.noDeliverables')
            : goal.deliverables.map((d, i) => (
                <span key={d.id}>
                  {i > 0 && ', '}
                  <Link to="/deliverables/$deliverableId" params={{ deliverableId: d.id }}>
                    {d.title}
                  </Link>{' '}
                  <span className="secondary">({date(`${d.dueOn}T12:00:00Z`)})</span>
                </span>
              ))}
        </dd>
      </dl>
    </li>
  );
}

/** Adds a numbered goal to a priority area: its number after the area's ("4.5") and its text. */
function AddGoalForm({ strategyId, area, problems, reload }: { strategyId: string; area: Area; problems: Problems; reload(): void }) {
  const { t } = useI18n();
  const next = area.goals.reduce((max, g) => Math.max(max, Number(g.code.split('.')[1])), 0) + 1;
  const [code, setCode] = useState(`${area.number}.${next}`);
  const [text, setText] = useState('');
  const codeId = `area-${area.number}-code`;
  const textId = `area-${area.number}-text`;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await request(AddGoal, { input: { strategyId, code, text } });
      problems.setErrors([]);
      setText('');
      reload();
    } catch (error) {
      problems.fail(error, textId, { code: codeId, text: textId });
    }
  }
  return (
    <form className="stack inline-form" onSubmit={(e) => void submit(e)} noValidate>
      <h4 className="form-title">{t('strategy.addGoal', { number: area.number })}</h4>
      <label htmlFor={codeId}>{t('strategy.code')}</label>
      <input id={codeId} type="text" inputMode="decimal" value={code} onChange={(e) => setCode(e.target.value)} {...described(codeId, problems.errors)} />
      <FieldProblem id={codeId} errors={problems.errors} />
      <label htmlFor={textId}>{t('strategy.goalText')}</label>
      <input id={textId} type="text" value={text} onChange={(e) => setText(e.target.value)} {...described(textId, problems.errors)} />
      <FieldProblem id={textId} errors={problems.errors} />
      <button type="submit">{t('strategy.addGoalButton')}</button>
    </form>
  );
}

/** A strategy: priority areas and numbered goals, and who works on each goal (groups, deliverables); secretariats add and edit areas and goals. */
export function StrategyPage() {
  const { strategyId } = useParams({ strict: false }) as { strategyId: string };
  const { t, date } = useI18n();
  const query = useQuery(StrategyQuery, { id: strategyId });
  const problems = useProblems();
  const [number, setNumber] = useState('');
  const [title, setTitle] = useState('');
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const s = query.data.strategy;
  const editable = query.data.mayEditStrategies;

  async function addArea(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await request(AddPriorityArea, { input: { strategyId, number: Number(number), title } });
      problems.setErrors([]);
      setNumber('');
      setTitle('');
      query.reload();
    } catch (error) {
      problems.fail(error, 'title', { number: 'number', title: 'title' });
    }
  }

  return (
    <>
      <Heading>{s.title}</Heading>
      {s.publishedOn && <p className="secondary">{t('strategy.published', { date: date(`${s.publishedOn}T12:00:00Z`) })}</p>}
      {s.description && <p className="prewrap">{s.description}</p>}
      <ErrorSummary ref={problems.summary} errors={problems.errors} />
      {s.priorityAreas.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.number}`}>
          <h2 id={`area-${area.number}`}>
            {area.number}. {area.title}
          </h2>
          {editable && (
            <InlineEdit
              id={`area-${area.number}-title`}
              label={t('strategy.editArea', { number: area.number })}
              initial={area.title}
              problems={problems}
              save={async (text) => {
                await request(UpdatePriorityArea, { input: { id: area.id, title: text } });
                query.reload();
              }}
            />
          )}
          {area.goals.length === 0 ? (
            <p className="secondary">{t('strategy.noGoals')}</p>
          ) : (
            <ul className="items goals">
              {area.goals.map((goal) => (
                <GoalItem key={goal.id} goal={goal} editable={editable} problems={problems} reload={query.reload} />
              ))}
            </ul>
          )}
          {editable && <AddGoalForm strategyId={strategyId} area={area} problems={problems} reload={query.reload} />}
        </section>
      ))}
      {editable && (
        <section aria-labelledby="new-area">
          <h2 id="new-area">{t('strategy.addArea')}</h2>
          <form className="stack" onSubmit={(e) => void addArea(e)} noValidate>
            <label htmlFor="number">{t('strategy.number')}</label>
            <input id="number" type="text" inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} {...described('number', problems.errors)} />
            <FieldProblem id="number" errors={problems.errors} />
            <label htmlFor="title">{t('strategy.areaTitle')}</label>
            <input id="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} {...described('title', problems.errors)} />
            <FieldProblem id="title" errors={problems.errors} />
            <button type="submit">{t('strategy.addAreaButton')}</button>
          </form>
        </section>
      )}
    </>
  );
}
