import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../../core/client';
import { ErrorSummary, FieldProblem, OfflineNotice, described, useProblems } from '../../core/form';
import type { ResultOf } from '../../core/graphql';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { AttendancePage as AttendanceQuery, RecordAttendance } from './attendance-page.operations';

type Mark = 'PRESENT' | 'ABSENT' | 'APOLOGIES' | 'SUBSTITUTED';
const MARKS: Mark[] = ['PRESENT', 'ABSENT', 'APOLOGIES', 'SUBSTITUTED'];
/** What an answer to the invitation says about the day, until the secretariat marks otherwise. */
const FROM_ANSWER: Partial<Record<string, Mark>> = { YES: 'PRESENT', NO: 'APOLOGIES', SUBSTITUTE: 'SUBSTITUTED' };

interface Entry {
  attendance: Mark | null;
  /** Who sat in: a person (from the RSVP or the record) or a name typed here. */
  byPersonId: string | null;
  byName: string;
}

/**
 * On the day (secretariat): who is present, absent, sent apologies or was
 * substituted, and the quorum that follows, for the meeting and per agenda
 * item, where a seat whose representative has a conflict of interest does not count.
 */
export function AttendancePage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const { t } = useI18n();
  const query = useQuery(AttendanceQuery, { id: meetingId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const m = query.data.meeting;
  if (!m.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return (
    <>
      <Heading>{t('attendance.title', { title: m.title })}</Heading>
      <p>
        <Link to="/meetings/$meetingId" params={{ meetingId: m.id }}>
          {m.title}
        </Link>
        {' · '}
        <Link to="/meetings/$meetingId/minutes/edit" params={{ meetingId: m.id }}>
          {t('minutesEditor.link')}
        </Link>
      </p>
      <AttendanceForm key={m.id} meeting={m} onSaved={query.reload} />
      <Quorums meeting={m} />
    </>
  );
}

type Meeting = ResultOf<typeof AttendanceQuery>['meeting'];

function AttendanceForm({ meeting: m, onSaved }: { meeting: Meeting; onSaved(): void }) {
  const { t } = useI18n();
  const { errors, fail, setErrors, summary } = useProblems();
  const [saved, setSaved] = useState(false);
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      m.invitations.map((i) => {
        const rsvpBy = i.rsvp === 'SUBSTITUTE' ? (i.substitute ?? null) : null;
        return [
          i.personId,
          {
            attendance: i.attendance,
            byPersonId: i.substitutedBy?.id ?? (i.attendance ? null : (rsvpBy?.id ?? null)),
            byName: i.substitutedBy?.displayName ?? i.substitutedByName ?? rsvpBy?.displayName ?? i.substituteName ?? '',
          },
        ];
      }),
    ),
  );
  const [filled, setFilled] = useState<number | null>(null);
  const begun = new Date(m.startsAt).getTime() <= Date.now();
  const set = (personId: string, change: Partial<Entry>) => {
    setSaved(false);
    setEntries((all) => ({ ...all, [personId]: { ...all[personId], ...change } }));
  };
  /** Marks whoever is not marked yet as their answer said: yes → present, no → apologies, a substitute → substituted. */
  const fillFromAnswers = () => {
    const fill = m.invitations.flatMap((i) => {
      const mark = entries[i.personId].attendance ? null : FROM_ANSWER[i.rsvp];
      return mark ? [[i.personId, mark] as const] : [];
    });
    setSaved(false);
    setFilled(fill.length);
    setEntries((all) => ({ ...all, ...Object.fromEntries(fill.map(([personId, mark]) => [personId, { ...all[personId], attendance: mark }])) }));
  };
  const answered = m.invitations.some((i) => !entries[i.personId].attendance && FROM_ANSWER[i.rsvp]);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setSaved(false);
    setOffline(false);
    const marked = m.invitations.filter((i) => entries[i.personId].attendance);
    if (marked.length === 0) return setErrors([{ field: `attendance-${m.invitations[0]?.personId ?? 'none'}-PRESENT`, message: t('attendance.nothing') }]);
    const missing = marked.filter((i) => entries[i.personId].attendance === 'SUBSTITUTED' && !entries[i.personId].byPersonId && !entries[i.personId].byName.trim());
    if (missing.length) return setErrors(missing.map((i) => ({ field: `by-${i.personId}`, message: t('attendance.substitutedBy', { name: i.person.displayName }) })));
    setBusy(true);
    try {
      await request(RecordAttendance, {
        input: {
          meetingId: m.id,
          entries: marked.map((i) => {
            const e = entries[i.personId];
            const substituted = e.attendance === 'SUBSTITUTED';
            return {
              personId: i.personId,
              attendance: e.attendance!,
              substitutedByPersonId: substituted && e.byPersonId ? e.byPersonId : null,
              substitutedByName: substituted && !e.byPersonId ? e.byName.trim() : null,
            };
          }),
        },
      });
      setErrors([]);
      setSaved(true);
      onSaved();
    } catch (error) {
      if (error instanceof RequestFailed && error.kind === 'network') setOffline(true);
      else fail(error, 'attendance-save', { meetingId: 'attendance-save', personId: 'attendance-save' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="record">
      <h2 id="record">{t('attendance.record')}</h2>
      {!begun && <p className="notice">{t('attendance.notBegun')}</p>}
      <ErrorSummary ref={summary} errors={errors} />
      <p>
        <button id="attendance-from-answers" type="button" className="secondary-button" disabled={!answered} onClick={fillFromAnswers}>
          {t('attendance.fromAnswers')}
        </button>
      </p>
      <p role="status" className="hint">
        {filled === null ? '' : t('attendance.filled', { count: filled })}
      </p>
      {m.invitations.map((i) => {
        const e = entries[i.personId];
        const byId = `by-${i.personId}`;
        return (
          <fieldset key={i.id} className="attendee">
            <legend>
              {i.person.displayName} <span className="secondary">({t(`attendance.role.${i.role}`)})</span>
            </legend>
            {i.rsvp === 'SUBSTITUTE' && <p className="hint">{t('attendance.rsvpSubstitute', { name: i.substitute?.displayName ?? i.substituteName ?? '' })}</p>}
            <div className="choices">
              {MARKS.map((mark) => (
                <label key={mark} className="choice">
                  <input
                    type="radio"
                    id={`attendance-${i.personId}-${mark}`}
                    name={`attendance-${i.personId}`}
                    value={mark}
                    checked={e.attendance === mark}
                    onChange={() => set(i.personId, { attendance: mark })}
                  />
                  {t(`attendance.${mark}`)}
                </label>
              ))}
            </div>
            <FieldProblem id={`attendance-${i.personId}-PRESENT`} errors={errors} />
            {e.attendance === 'SUBSTITUTED' && (
              <div className="field">
                <label htmlFor={byId}>{t('attendance.substitutedBy', { name: i.person.displayName })}</label>
                <FieldProblem id={byId} errors={errors} />
                <input id={byId} type="text" value={e.byName} onChange={(ev) => set(i.personId, { byName: ev.target.value, byPersonId: null })} {...described(byId, errors)} />
              </div>
            )}
          </fieldset>
        );
      })}
      <FieldProblem id="attendance-save" errors={errors} />
      <p>
        <button id="attendance-save" type="submit" disabled={busy}>
          {t('attendance.save')}
        </button>
      </p>
      <OfflineNotice onRetry={offline ? () => void submit() : null} />
      <p role="status" className="saved">
        {saved ? t('attendance.saved') : ''}
      </p>
    </form>
  );
}

function Quorums({ meeting: m }: { meeting: Meeting }) {
  const { t } = useI18n();
  const agenda = [...m.agenda].sort((a, b) => a.position - b.position);
  const recorded = m.minutes?.conflictsOfInterest ?? [];
  return (
    <section aria-labelledby="quorum">
      <h2 id="quorum">{t('attendance.quorum')}</h2>
      {!m.quorum ? (
        <p>{t('attendance.noQuorum')}</p>
      ) : (
        <>
          <p>
            <strong>{m.quorum.met ? t('attendance.met') : t('attendance.notMet')}</strong>: {t('attendance.meetingQuorum', { represented: m.quorum.represented, seats: m.quorum.seats, required: m.quorum.required })}
          </p>
          <h3 id="per-item">{t('attendance.perItem')}</h3>
          <p className="hint">{t('attendance.perItemHint')}</p>
          <ol className="items quorum-items" aria-labelledby="per-item">
            {agenda.map((item) => (
              <li key={item.id} data-item={item.title}>
                <strong>{item.title}</strong>
                {item.quorum && (
                  <div>
                    <span className={item.quorum.met ? 'met' : 'not-met'}>{item.quorum.met ? t('attendance.met') : t('attendance.notMet')}</span>:{' '}
                    {t('attendance.itemQuorum', { represented: item.quorum.represented, seats: item.quorum.seats, required: item.quorum.required })}
                    {item.quorum.recused > 0 && <>. {t('attendance.recused', { count: item.quorum.recused })}</>}
                  </div>
                )}
                {m.declaredConflicts
                  .filter((d) => d.agendaItemId === item.id)
                  .map((d) => (
                    <div key={d.id} className="secondary">
                      {t('attendance.conflictDeclared', { name: d.person.displayName, reason: d.reason })}
                    </div>
                  ))}
                {recorded
                  .filter((c) => c.agendaItemId === item.id)
                  .map((c) => (
                    <div key={c.id} className="secondary">
                      {t('attendance.conflictRecorded', { name: c.person.displayName, reason: c.reason })}
                    </div>
                  ))}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
