import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { RequestFailed, request } from '../../core/client';
import { ErrorSummary, FieldProblem, asFailure, described, signInAgain, useProblems } from '../../core/form';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { ScheduleLinks } from '../schedule-links';
import '../scheduling/scheduling.css';
import { AgendaBuilderPage as AgendaQuery, AgendaDeliverables, ReorderAgenda, SaveAgenda, UpdateAgendaItem } from './agenda-builder-page.operations';

type Meeting = ReturnType<typeof useAgenda>['meeting'];
type Item = NonNullable<Meeting>['agenda'][number];

function useAgenda(meetingId: string) {
  const query = useQuery(AgendaQuery, { id: meetingId });
  return { query, meeting: query.status === 'done' ? query.data.meeting : null };
}

/**
 * The agenda builder: items with durations, presenters and linked
 * deliverables, the planned minutes against the meeting's length, the
 * conflicts of interest declared per item. An item moves by drag and drop or
 * from the keyboard (arrow keys on its handle, or the up / down buttons): the
 * same request, the same announcement. A move sends the order the page showed;
 * when someone else changed the agenda meanwhile the API answers CONFLICT and
 * the page says so and shows the current order.
 */
export function AgendaBuilderPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const { query, meeting } = useAgenda(meetingId);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  if (!meeting!.maySchedule) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return <Builder meeting={meeting!} reload={query.reload} />;
}

function Builder({ meeting: m, reload }: { meeting: NonNullable<Meeting>; reload(): void }) {
  const { t } = useI18n();
  const [items, setItems] = useState<Item[]>(() => sorted(m.agenda));
  const [announcement, setAnnouncement] = useState('');
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const focusAfter = useRef<string | null>(null);

  // What the server holds, each time the page asks again (after a conflict or a save).
  useEffect(() => setItems(sorted(m.agenda)), [m.agenda]);
  useEffect(() => {
    if (focusAfter.current) handles.current.get(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [items]);

  async function move(id: string, to: number) {
    const from = items.findIndex((i) => i.id === id);
    if (busy || from < 0 || to < 0 || to >= items.length || to === from) return;
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    setBusy(true);
    setConflict(false);
    setProblem(null);
    try {
      await request(ReorderAgenda, { input: { meetingId: m.id, itemIds: next.map((i) => i.id), seenItemIds: items.map((i) => i.id) } });
      focusAfter.current = id;
      setItems(next);
      setAnnouncement(t('agenda.moved', { title: item.title, position: to + 1, count: next.length }));
    } catch (error) {
      const failed = asFailure(error);
      if (failed.kind === 'unauthenticated') return signInAgain();
      if (failed.errors[0]?.code === 'CONFLICT') {
        setConflict(true);
        focusAfter.current = id;
        reload();
      } else setProblem(failed.kind === 'network' ? t('app.offline') : (failed.errors[0]?.message ?? t('app.failed', { code: failed.kind })));
    } finally {
      setBusy(false);
    }
  }

  function onHandleKey(event: KeyboardEvent<HTMLButtonElement>, id: string, index: number) {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      void move(id, event.key === 'ArrowUp' ? index - 1 : index + 1);
    }
  }

  function onDrop(event: DragEvent<HTMLLIElement>, index: number) {
    event.preventDefault();
    const id = dragged ?? event.dataTransfer.getData('text/plain');
    setDragged(null);
    if (id) void move(id, index);
  }

  async function save(next: NewItem[]) {
    await request(SaveAgenda, { input: { meetingId: m.id, items: next.map(toInput) } });
    reload();
  }

  const planned = items.reduce((sum, i) => sum + i.durationMinutes, 0);
  const overrun = planned - m.lengthMinutes;
  const conflictsOf = (itemId: string) => m.declaredConflicts.filter((c) => c.agendaItemId === itemId);
  return (
    <>
      <Heading>{t('agenda.title', { title: m.title })}</Heading>
      <ScheduleLinks meeting={m} current="agenda" />
      <p id="agenda-intro">{t('agenda.intro')}</p>
      <p className="agenda-sum">{t('agenda.planned', { planned, length: m.lengthMinutes })}</p>
      {overrun > 0 && <p className="overrun">{t('agenda.overrun', { minutes: overrun })}</p>}
      {conflict && (
        <p className="notice agenda-conflict" role="alert">
          {t('agenda.conflict')}
        </p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite" id="agenda-announcement">
        {announcement}
      </p>
      {items.length === 0 ? (
        <p>{t('agenda.empty')}</p>
      ) : (
        <ol className="agenda-builder" aria-describedby="agenda-intro">
          {items.map((item, index) => (
            <li
              key={item.id}
              className={`agenda-item${dragged === item.id ? ' dragging' : ''}`}
              data-item-id={item.id}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => onDrop(e, index)}
            >
              <button
                type="button"
                className="handle"
                draggable
                ref={(el) => {
                  if (el) handles.current.set(item.id, el);
                  else handles.current.delete(item.id);
                }}
                aria-describedby="agenda-intro"
                onKeyDown={(e) => onHandleKey(e, item.id, index)}
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', item.id);
                  e.dataTransfer.effectAllowed = 'move';
                  setDragged(item.id);
                }}
                onDragEnd={() => setDragged(null)}
              >
                {index + 1}
                <span className="visually-hidden"> {t('agenda.handle', { title: item.title, position: index + 1, count: items.length })}</span>
              </button>
              <div className="body">
                <strong className="item-title">{item.title}</strong> <span className="secondary">({t('agenda.minutes', { minutes: item.durationMinutes })})</span>
                {(item.presenter || item.presenterName) && <div>{t('agenda.presenter', { name: item.presenter?.displayName ?? item.presenterName ?? '' })}</div>}
                {item.deliverable && (
                  <div>
                    <Link to="/deliverables/$deliverableId" params={{ deliverableId: item.deliverable.id }}>
                      {t('agenda.deliverable', { title: item.deliverable.title })}
                    </Link>
                  </div>
                )}
                {item.decisionExpected && <div>{t('agenda.decision')}</div>}
                {conflictsOf(item.id).length > 0 && (
                  <div>
                    <h3 className="form-title">{t('agenda.conflicts')}</h3>
                    <ul className="inline-list">
                      {conflictsOf(item.id).map((c) => (
                        <li key={c.id}>{t('agenda.conflictOf', { name: c.person.displayName, reason: c.reason })}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <div className="moves">
                  {/* Short words to see, the item's title to hear: a long title made three buttons a screen tall on a phone. */}
                  <button type="button" className="secondary-button" aria-label={t('agenda.up', { title: item.title })} disabled={busy || index === 0} onClick={() => void move(item.id, index - 1)}>
                    {t('agenda.upShort')}
                  </button>
                  <button type="button" className="secondary-button" aria-label={t('agenda.down', { title: item.title })} disabled={busy || index === items.length - 1} onClick={() => void move(item.id, index + 1)}>
                    {t('agenda.downShort')}
                  </button>
                  <button type="button" className="link" aria-label={t('agenda.edit', { title: item.title })} aria-expanded={editing === item.id} onClick={() => setEditing(editing === item.id ? null : item.id)}>
                    {t('agenda.editShort')}
                  </button>
                  <button type="button" className="link" aria-label={t('agenda.remove', { title: item.title })} disabled={busy} onClick={() => void save(items.filter((i) => i.id !== item.id))}>
                    {t('agenda.removeShort')}
                  </button>
                </div>
                {editing === item.id && (
                  <ItemForm
                    meeting={m}
                    item={item}
                    onSave={async (input) => {
                      await request(UpdateAgendaItem, { input: { id: item.id, item: toInput(input) } });
                      reload();
                    }}
                    onDone={() => {
                      setEditing(null);
                      focusAfter.current = item.id;
                    }}
                  />
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <ItemForm meeting={m} onSave={(input) => save([...items, input])} />
    </>
  );
}

function sorted(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => a.position - b.position);
}

interface NewItem {
  title: string;
  description: string | null;
  durationMinutes: number;
  presenterPersonId: string | null;
  presenterName: string | null;
  deliverableId: string | null;
  decisionExpected: boolean;
}

function toInput(item: NewItem) {
  return {
    title: item.title,
    description: item.description ?? undefined,
    durationMinutes: item.durationMinutes,
    presenterPersonId: item.presenterPersonId ?? undefined,
    presenterName: item.presenterPersonId ? undefined : (item.presenterName ?? undefined),
    deliverableId: item.deliverableId ?? undefined,
    decisionExpected: item.decisionExpected,
  };
}

/** Add a new item (empty form at the page's foot), or change one in place (the item's own form, its values filled in). */
function ItemForm({ meeting: m, item, onSave, onDone }: { meeting: NonNullable<Meeting>; item?: Item; onSave(item: NewItem): Promise<void>; onDone?(): void }) {
  const { t } = useI18n();
  const deliverables = useQuery(AgendaDeliverables, { commissionId: m.commissionId });
  const { errors, fail, summary, setErrors } = useProblems();
  // Ids of their own per form: the add form keeps "item-…", an item's form "edit-…".
  const id = (name: string) => `${item ? 'edit' : 'item'}-${name}`;
  const [title, setTitle] = useState(item?.title ?? '');
  const [minutes, setMinutes] = useState(String(item?.durationMinutes ?? 15));
  const [presenterPersonId, setPresenterPersonId] = useState(item?.presenterPersonId ?? '');
  const [presenterName, setPresenterName] = useState(item?.presenterName ?? '');
  const [deliverableId, setDeliverableId] = useState(item?.deliverableId ?? '');
  const [decisionExpected, setDecisionExpected] = useState(item?.decisionExpected ?? false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      await onSave({
        title,
        description: item?.description ?? null,
        durationMinutes: Number(minutes),
        presenterPersonId: presenterPersonId || null,
        presenterName: presenterName.trim() || null,
        deliverableId: deliverableId || null,
        decisionExpected,
      });
      setErrors([]);
      if (onDone) return onDone();
      setTitle('');
      setPresenterPersonId('');
      setPresenterName('');
      setDeliverableId('');
      setDecisionExpected(false);
      setSaved(true);
    } catch (error) {
      // A new item is the last of the list the API checked; an edited one is the input's `item`.
      const at = item ? 'item' : `items.${m.agenda.length}`;
      fail(error, id('title'), { [`${at}.title`]: id('title'), [`${at}.durationMinutes`]: id('minutes'), [`${at}.presenterName`]: id('presenter-name'), [`${at}.deliverableId`]: id('deliverable') });
    } finally {
      setBusy(false);
    }
  }
  const heading = item ? `edit-title-${item.id}` : 'add-title';
  return (
    <section aria-labelledby={heading} className={item ? 'agenda-edit' : undefined}>
      {item ? (
        <h3 id={heading} className="form-title">
          {t('agenda.editTitle', { title: item.title })}
        </h3>
      ) : (
        <h2 id={heading}>{t('agenda.add')}</h2>
      )}
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={id('title')}>{t('agenda.itemTitle')}</label>
        <input id={id('title')} type="text" value={title} onChange={(e) => setTitle(e.target.value)} {...described(id('title'), errors)} />
        <FieldProblem id={id('title')} errors={errors} />
        <label htmlFor={id('minutes')}>{t('agenda.duration')}</label>
        <input id={id('minutes')} type="number" min={0} max={1440} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} {...described(id('minutes'), errors)} />
        <FieldProblem id={id('minutes')} errors={errors} />
        <label htmlFor={id('presenter')}>{t('agenda.presenterPerson')}</label>
        <select id={id('presenter')} value={presenterPersonId} onChange={(e) => setPresenterPersonId(e.target.value)}>
          <option value="">{t('agenda.none')}</option>
          {m.invitations.map((i) => (
            <option key={i.id} value={i.person.id}>
              {i.person.displayName}
            </option>
          ))}
        </select>
        <label htmlFor={id('presenter-name')}>{t('agenda.presenterName')}</label>
        <input id={id('presenter-name')} type="text" value={presenterName} disabled={Boolean(presenterPersonId)} onChange={(e) => setPresenterName(e.target.value)} {...described(id('presenter-name'), errors)} />
        <FieldProblem id={id('presenter-name')} errors={errors} />
        <label htmlFor={id('deliverable')}>{t('agenda.deliverableChoice')}</label>
        <select id={id('deliverable')} value={deliverableId} onChange={(e) => setDeliverableId(e.target.value)} {...described(id('deliverable'), errors)}>
          <option value="">{t('agenda.none')}</option>
          {deliverables.status === 'done' &&
            deliverables.data.deliverables.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.title}
              </option>
            ))}
        </select>
        <FieldProblem id={id('deliverable')} errors={errors} />
        <label className="choice">
          <input type="checkbox" id={id('decision')} checked={decisionExpected} onChange={(e) => setDecisionExpected(e.target.checked)} />
          {t('agenda.decisionExpected')}
        </label>
        <p className="buttons">
          <button type="submit" disabled={busy}>
            {item ? t('agenda.editSubmit') : t('agenda.addSubmit')}
          </button>
          {onDone && (
            <button type="button" className="secondary-button" onClick={onDone}>
              {t('agenda.editCancel')}
            </button>
          )}
        </p>
        <p role="status" className="saved">
          {saved ? t('agenda.saved') : ''}
        </p>
      </form>
    </section>
  );
}
