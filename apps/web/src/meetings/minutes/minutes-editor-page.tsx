import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../../core/client';
import { ErrorSummary, Field, FieldProblem, OfflineNotice, described, useProblems, type FieldError } from '../../core/form';
import type { ResultOf } from '../../core/graphql';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { MinutesEditorPage as EditorQuery, SaveMinutes, SendMinutesForApproval } from './minutes-editor-page.operations';

type Meeting = ResultOf<typeof EditorQuery>['meeting'];

interface DecisionRow {
  key: number;
  agendaItemId: string;
  text: string;
}
interface ActionRow {
  key: number;
  agendaItemId: string;
  title: string;
  assigneePersonId: string;
  dueOn: string;
}
interface ConflictRow {
  key: number;
  agendaItemId: string;
  personId: string;
  reason: string;
  leftRoom: boolean;
}

let nextKey = 1;
const key = () => nextKey++;
/** The list with `row` changed. */
const changed = <Row extends { key: number }>(rows: Row[], row: Row, change: Partial<Row>) => rows.map((x) => (x.key === row.key ? { ...x, ...change } : x));
/** The list without `row`. */
const without = <Row extends { key: number }>(rows: Row[], row: Row) => rows.filter((x) => x.key !== row.key);

/**
 * The minutes editor (secretariat): notes per agenda item, numbered decisions,
 * action items with owner and due date (open ones go on the next meeting's
 * agenda), the conflicts of interest as they happened; then send for justering
 * and follow each adjuster's approval. Out for approval or approved, the
 * minutes are shown, not edited (the API refuses changes then).
 */
export function MinutesEditorPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const { t, date } = useI18n();
  const query = useQuery(EditorQuery, { id: meetingId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const m = query.data.meeting;
  if (!m.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  const status = m.minutes?.status ?? 'DRAFT';
  return (
    <>
      <Heading>{t('minutesEditor.title', { title: m.title })}</Heading>
      <p>
        <Link to="/meetings/$meetingId" params={{ meetingId: m.id }}>
          {m.title}
        </Link>
        {' · '}
        <Link to="/meetings/$meetingId/attendance" params={{ meetingId: m.id }}>
          {t('attendance.link')}
        </Link>
        {m.minutes && (
          <>
            {' · '}
            <a href={`/meetings/${m.id}/minutes`}>{t('minutesEditor.print')}</a>
          </>
        )}
      </p>
      <dl className="facts">
        <dt>{t('minutesEditor.statusLabel')}</dt>
        <dd id="minutes-status">{t(`minutesEditor.status.${status}`, { date: m.minutes?.approvedAt ? date(m.minutes.approvedAt) : '' })}</dd>
      </dl>
      {status === 'DRAFT' ? (
        <>
          <DraftForm key={m.id} meeting={m} onSaved={query.reload} />
          <SendForApproval meeting={m} onSent={query.reload} />
        </>
      ) : (
        <LockedMinutes meeting={m} />
      )}
      {m.minutes && m.minutes.adjusters.length > 0 && (
        <section aria-labelledby="approval">
          <h2 id="approval">{t('minutesEditor.approval')}</h2>
          <ul className="items" id="adjusters">
            {m.minutes.adjusters.map((a) => (
              <li key={a.personId}>{a.approvedAt ? t('minutesEditor.approvedBy', { name: a.person.displayName, date: date(a.approvedAt) }) : t('minutesEditor.waitingFor', { name: a.person.displayName })}</li>
            ))}
          </ul>
        </section>
      )}
      {m.carriedActionItems.length > 0 && (
        <section aria-labelledby="carried">
          <h2 id="carried">{t('minutesEditor.carried')}</h2>
          <ul className="items">
            {m.carriedActionItems.map((a) => (
              <li key={a.id}>{t('minutesEditor.carriedItem', { title: a.title, owner: a.assignee?.displayName ?? '—', due: a.dueOn ? date(a.dueOn) : '—' })}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function DraftForm({ meeting: m, onSaved }: { meeting: Meeting; onSaved(): void }) {
  const { t } = useI18n();
  const { errors, fail, setErrors, summary } = useProblems();
  const agenda = [...m.agenda].sort((a, b) => a.position - b.position);
  const minutes = m.minutes;
  const [body, setBody] = useState(minutes?.body ?? '');
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries((minutes?.notes ?? []).map((n) => [n.agendaItemId, n.text])));
  const [decisions, setDecisions] = useState<DecisionRow[]>(() => (minutes?.decisions ?? []).map((d) => ({ key: key(), agendaItemId: d.agendaItemId ?? '', text: d.text })));
  const [actions, setActions] = useState<ActionRow[]>(() =>
    (minutes?.actionItems ?? []).map((a) => ({ key: key(), agendaItemId: a.agendaItemId ?? '', title: a.title, assigneePersonId: a.assigneePersonId ?? '', dueOn: a.dueOn ?? '' })),
  );
  // Before the first save, the conflicts declared ahead of the meeting are the starting point.
  const [conflicts, setConflicts] = useState<ConflictRow[]>(() =>
    minutes
      ? minutes.conflictsOfInterest.map((c) => ({ key: key(), agendaItemId: c.agendaItemId, personId: c.personId, reason: c.reason, leftRoom: c.leftRoom }))
      : m.declaredConflicts.map((d) => ({ key: key(), agendaItemId: d.agendaItemId, personId: d.personId, reason: d.reason, leftRoom: true })),
  );
  const [saved, setSaved] = useState(false);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const people = m.invitations.map((i) => i.person);
  const touched = () => setSaved(false);

  function missing(): FieldError[] {
    const found: FieldError[] = [];
    decisions.forEach((d, index) => {
      if (!d.text.trim()) found.push({ field: `decisions-${index}-text`, message: t('minutesEditor.required', { what: t('minutesEditor.decisionText', { number: index + 1 }) }) });
    });
    actions.forEach((a, index) => {
      if (!a.title.trim()) found.push({ field: `actionItems-${index}-title`, message: t('minutesEditor.required', { what: `${t('minutesEditor.actionItem', { number: index + 1 })}: ${t('minutesEditor.actionTitle')}` }) });
    });
    conflicts.forEach((c, index) => {
      const label = t('minutesEditor.conflict', { number: index + 1 });
      if (!c.agendaItemId) found.push({ field: `conflictsOfInterest-${index}-agendaItemId`, message: t('minutesEditor.required', { what: `${label}: ${t('minutesEditor.item')}` }) });
      if (!c.personId) found.push({ field: `conflictsOfInterest-${index}-personId`, message: t('minutesEditor.required', { what: `${label}: ${t('minutesEditor.person')}` }) });
      if (!c.reason.trim()) found.push({ field: `conflictsOfInterest-${index}-reason`, message: t('minutesEditor.required', { what: `${label}: ${t('minutesEditor.reason')}` }) });
    });
    return found;
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setSaved(false);
    setOffline(false);
    const problems = missing();
    if (problems.length) return setErrors(problems);
    setBusy(true);
    try {
      await request(SaveMinutes, {
        input: {
          meetingId: m.id,
          body,
          notes: agenda.filter((item) => notes[item.id]?.trim()).map((item) => ({ agendaItemId: item.id, text: notes[item.id] })),
          decisions: decisions.map((d) => ({ agendaItemId: d.agendaItemId || null, text: d.text })),
          actionItems: actions.map((a) => ({ agendaItemId: a.agendaItemId || null, title: a.title, assigneePersonId: a.assigneePersonId || null, dueOn: a.dueOn || null })),
          conflictsOfInterest: conflicts.map((c) => ({ agendaItemId: c.agendaItemId, personId: c.personId, reason: c.reason, leftRoom: c.leftRoom })),
        },
      });
      setErrors([]);
      setSaved(true);
      onSaved();
    } catch (error) {
      if (error instanceof RequestFailed && error.kind === 'network') setOffline(true);
      else fail(error, 'minutes-save', { meetingId: 'minutes-save' });
    } finally {
      setBusy(false);
    }
  }

  const itemSelect = (id: string, value: string, onChange: (v: string) => void, optional: boolean) => (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...described(id, errors)}>
      <option value="">{optional ? t('minutesEditor.noItem') : t('minutesEditor.choose')}</option>
      {agenda.map((item) => (
        <option key={item.id} value={item.id}>
          § {item.position} {item.title}
        </option>
      ))}
    </select>
  );
  const personSelect = (id: string, value: string, onChange: (v: string) => void, none: string) => (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...described(id, errors)}>
      <option value="">{none}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.displayName}
        </option>
      ))}
    </select>
  );
  const textInput = (id: string, value: string, onChange: (v: string) => void, type = 'text') => (
    <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} {...described(id, errors)} />
  );
  const removeButton = (label: string, remove: () => void) => (
    <button type="button" className="secondary-button" onClick={() => (touched(), remove())}>
      {t('minutesEditor.remove', { what: label })}
    </button>
  );
  const addButton = (id: string, text: string, add: () => void) => (
    <p>
      <button id={id} type="button" className="secondary-button" onClick={() => (touched(), add())}>
        {text}
      </button>
    </p>
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="wide-form minutes-form">
      <ErrorSummary ref={summary} errors={errors} />
      <Field id="body" label={t('minutesEditor.body')} errors={errors}>
        <textarea id="body" value={body} onChange={(e) => (touched(), setBody(e.target.value))} {...described('body', errors)} />
      </Field>

      <h2>{t('minutesEditor.items')}</h2>
      {agenda.map((item) => (
        <div className="field" key={item.id}>
          <label htmlFor={`note-${item.id}`}>{t('minutesEditor.note', { number: item.position, title: item.title })}</label>
          <textarea id={`note-${item.id}`} value={notes[item.id] ?? ''} onChange={(e) => (touched(), setNotes({ ...notes, [item.id]: e.target.value }))} />
        </div>
      ))}

      <h2>{t('minutesEditor.decisions')}</h2>
      {decisions.length === 0 && <p>{t('minutesEditor.none')}</p>}
      {decisions.map((d, index) => {
        const label = t('minutesEditor.decision', { number: index + 1 });
        const id = (field: keyof DecisionRow) => `decisions-${index}-${field}`;
        const update = (change: Partial<DecisionRow>) => (touched(), setDecisions(changed(decisions, d, change)));
        return (
          <fieldset key={d.key} className="inner">
            <legend>{label}</legend>
            <Field id={id('agendaItemId')} label={t('minutesEditor.item')} errors={errors}>
              {itemSelect(id('agendaItemId'), d.agendaItemId, (v) => update({ agendaItemId: v }), true)}
            </Field>
            <Field id={id('text')} label={t('minutesEditor.decisionText', { number: index + 1 })} errors={errors}>
              <textarea id={id('text')} value={d.text} onChange={(e) => update({ text: e.target.value })} {...described(id('text'), errors)} />
            </Field>
            {removeButton(label, () => setDecisions(without(decisions, d)))}
          </fieldset>
        );
      })}
      {addButton('add-decision', t('minutesEditor.addDecision'), () => setDecisions([...decisions, { key: key(), agendaItemId: '', text: '' }]))}

      <h2>{t('minutesEditor.actionItems')}</h2>
      <p className="hint">{t('minutesEditor.carriedHint')}</p>
      {actions.map((a, index) => {
        const label = t('minutesEditor.actionItem', { number: index + 1 });
        const id = (field: keyof ActionRow) => `actionItems-${index}-${field}`;
        const update = (change: Partial<ActionRow>) => (touched(), setActions(changed(actions, a, change)));
        return (
          <fieldset key={a.key} className="inner">
            <legend>{label}</legend>
            <Field id={id('title')} label={t('minutesEditor.actionTitle')} errors={errors}>
              {textInput(id('title'), a.title, (v) => update({ title: v }))}
            </Field>
            <Field id={id('assigneePersonId')} label={t('minutesEditor.owner')} errors={errors}>
              {personSelect(id('assigneePersonId'), a.assigneePersonId, (v) => update({ assigneePersonId: v }), t('minutesEditor.noOwner'))}
            </Field>
            <Field id={id('dueOn')} label={t('minutesEditor.due')} errors={errors}>
              {textInput(id('dueOn'), a.dueOn, (v) => update({ dueOn: v }), 'date')}
            </Field>
            <Field id={id('agendaItemId')} label={t('minutesEditor.item')} errors={errors}>
              {itemSelect(id('agendaItemId'), a.agendaItemId, (v) => update({ agendaItemId: v }), true)}
            </Field>
            {removeButton(label, () => setActions(without(actions, a)))}
          </fieldset>
        );
      })}
      {addButton('add-action-item', t('minutesEditor.addActionItem'), () => setActions([...actions, { key: key(), agendaItemId: '', title: '', assigneePersonId: '', dueOn: '' }]))}

      <h2>{t('minutesEditor.conflicts')}</h2>
      {!minutes && m.declaredConflicts.length > 0 && <p className="hint">{t('minutesEditor.fromDeclarations')}</p>}
      {conflicts.map((c, index) => {
        const label = t('minutesEditor.conflict', { number: index + 1 });
        const id = (field: keyof ConflictRow) => `conflictsOfInterest-${index}-${field}`;
        const update = (change: Partial<ConflictRow>) => (touched(), setConflicts(changed(conflicts, c, change)));
        return (
          <fieldset key={c.key} className="inner">
            <legend>{label}</legend>
            <Field id={id('agendaItemId')} label={t('minutesEditor.item')} errors={errors}>
              {itemSelect(id('agendaItemId'), c.agendaItemId, (v) => update({ agendaItemId: v }), false)}
            </Field>
            <Field id={id('personId')} label={t('minutesEditor.person')} errors={errors}>
              {personSelect(id('personId'), c.personId, (v) => update({ personId: v }), t('minutesEditor.choose'))}
            </Field>
            <Field id={id('reason')} label={t('minutesEditor.reason')} errors={errors}>
              {textInput(id('reason'), c.reason, (v) => update({ reason: v }))}
            </Field>
            <label className="choice">
              <input type="checkbox" checked={c.leftRoom} onChange={(e) => update({ leftRoom: e.target.checked })} />
              {t('minutesEditor.leftRoom')}
            </label>
            <p>{removeButton(label, () => setConflicts(without(conflicts, c)))}</p>
          </fieldset>
        );
      })}
      {addButton('add-conflict', t('minutesEditor.addConflict'), () => setConflicts([...conflicts, { key: key(), agendaItemId: '', personId: '', reason: '', leftRoom: true }]))}

      <FieldProblem id="minutes-save" errors={errors} />
      <p>
        <button id="minutes-save" type="submit" disabled={busy}>
          {t('minutesEditor.save')}
        </button>
      </p>
      <OfflineNotice onRetry={offline ? () => void submit() : null} />
      <p role="status" className="saved">
        {saved ? t('minutesEditor.saved') : ''}
      </p>
    </form>
  );
}

/** Choose the adjusters (justerare) among the invitees and send the saved draft to them. */
function SendForApproval({ meeting: m, onSent }: { meeting: Meeting; onSent(): void }) {
  const { t } = useI18n();
  const { errors, fail, setErrors, summary } = useProblems();
  const [chosen, setChosen] = useState<string[]>([]);
  const [sent, setSent] = useState(false);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  async function send(event?: FormEvent) {
    event?.preventDefault();
    setOffline(false);
    if (!m.minutes) return setErrors([{ field: 'adjusters-send', message: t('minutesEditor.saveFirst') }]);
    if (chosen.length === 0) return setErrors([{ field: 'adjusterIds', message: t('minutesEditor.chooseAdjuster') }]);
    setBusy(true);
    try {
      await request(SendMinutesForApproval, { input: { minutesId: m.minutes.id, adjusterIds: chosen } });
      setErrors([]);
      setSent(true);
      onSent();
    } catch (error) {
      if (error instanceof RequestFailed && error.kind === 'network') setOffline(true);
      else fail(error, 'adjusters-send', { minutesId: 'adjusters-send' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="send">
      <h2 id="send">{t('minutesEditor.send')}</h2>
      <ErrorSummary ref={summary} errors={errors} />
      <p className="hint" id="send-hint">
        {t('minutesEditor.sendHint')}
      </p>
      <fieldset id="adjusterIds" tabIndex={-1} {...described('adjusterIds', errors, 'send-hint')}>
        <legend>{t('minutesEditor.adjusters')}</legend>
        <FieldProblem id="adjusterIds" errors={errors} />
        <div className="checks">
          {m.invitations.map((i) => (
            <label key={i.id} className="choice">
              <input
                type="checkbox"
                id={`adjuster-${i.personId}`}
                checked={chosen.includes(i.personId)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, i.personId] : chosen.filter((id) => id !== i.personId))}
              />
              {i.person.displayName}
            </label>
          ))}
        </div>
      </fieldset>
      <FieldProblem id="adjusters-send" errors={errors} />
      <p>
        <button id="adjusters-send" type="submit" disabled={busy}>
          {t('minutesEditor.send')}
        </button>
      </p>
      <OfflineNotice onRetry={offline ? () => void send() : null} />
      <p role="status" className="saved">
        {sent ? t('minutesEditor.sent') : ''}
      </p>
    </form>
  );
}

/** Minutes out for approval or approved: what they say, as the adjusters read them. */
function LockedMinutes({ meeting: m }: { meeting: Meeting }) {
  const { t, date } = useI18n();
  const minutes = m.minutes!;
  const agenda = [...m.agenda].sort((a, b) => a.position - b.position);
  const title = new Map(agenda.map((item) => [item.id, `§ ${item.position} ${item.title}`]));
  return (
    <section aria-labelledby="locked">
      <p className="hint">{t('minutesEditor.locked')}</p>
      {minutes.body && <p className="prewrap">{minutes.body}</p>}
      <h2 id="locked">{t('minutesEditor.decisions')}</h2>
      {minutes.decisions.length === 0 ? (
        <p>{t('minutesEditor.none')}</p>
      ) : (
        <ol>
          {minutes.decisions.map((d) => (
            <li key={d.id} value={d.number}>
              {d.agendaItemId && <span className="secondary">{title.get(d.agendaItemId)}: </span>}
              {d.text}
            </li>
          ))}
        </ol>
      )}
      <h2>{t('minutesEditor.actionItems')}</h2>
      {minutes.actionItems.length === 0 ? (
        <p>{t('minutesEditor.none')}</p>
      ) : (
        <ul className="items">
          {minutes.actionItems.map((a) => (
            <li key={a.id}>{t('minutesEditor.carriedItem', { title: a.title, owner: a.assignee?.displayName ?? '—', due: a.dueOn ? date(a.dueOn) : '—' })}</li>
          ))}
        </ul>
      )}
      <h2>{t('minutesEditor.conflicts')}</h2>
      {minutes.conflictsOfInterest.length === 0 ? (
        <p>{t('minutesEditor.none')}</p>
      ) : (
        <ul className="items">
          {minutes.conflictsOfInterest.map((c) => (
            <li key={c.id}>
              {title.get(c.agendaItemId)}: {c.person.displayName} – {c.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
