import { Link, useParams } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, FieldProblem, described } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { AllocationPage as AllocationQuery, Appoint, ChangeSeatCount, EndAppointment, RemindNominationRequest, RequestNomination } from './allocation-page.operations';
import { Panel, Picker, ScrollTable, useFormState } from './forms';
import { addDays, gridStatus, todayIso } from './seat-grid-page';
import './seats.css';

/**
 * One allocation, for its secretariat: the seat count (a count below the seats
 * filled is refused with what to do instead), nomination requests and the tracker of
 * who has not answered (with a reminder button), the nominations received with the
 * § 9 check and appointment in one step, the seats' appointments (appoint, a
 * substitute, end a term with a reason, holdover, terms served) and the vacancy
 * notice each ended term sent.
 */
export function AllocationPage() {
  const { workingGroupId, allocationId } = useParams({ strict: false }) as { workingGroupId: string; allocationId: string };
  const { t, date, dateTime } = useI18n();
  const query = useQuery(AllocationQuery, { id: allocationId });
  const today = useMemo(todayIso, []);
  const [saved, setSaved] = useState<string | null>(null);
  const count = useFormState();
  const ask = useFormState();
  const remind = useFormState();
  const appoint = useFormState();
  const fromNomination = useFormState();
  const end = useFormState();
  const [ending, setEnding] = useState<string | null>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const a = query.data.seatAllocation;
  const offline = t('app.offline');
  const gender = (value: string | null | undefined) => (value ? t(`seats.gender.${value}` as 'seats.gender.WOMAN') : t('seats.genderUnknown'));
  const occupied = a.filledCount + a.holdoverCount;
  const done = (message: string) => {
    setSaved(message);
    query.reload();
  };

  async function changeCount(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const seatCount = Number(new FormData(event.currentTarget).get('count-seatCount'));
    if (await count.run('count', 'count-seatCount', offline, async () => void (await request(ChangeSeatCount, { input: { allocationId: a.id, seatCount } })))) done(t('seats.countSaved', { count: seatCount }));
  }

  async function requestNomination(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const seats = String(data.get('ask-seatsRequested') ?? '').trim();
    const ok = await ask.run('ask', 'ask-deadline', offline, async () => {
      await request(RequestNomination, {
        input: {
          allocationId: a.id,
          deadline: String(data.get('ask-deadline') ?? ''),
          contactPersonId: String(data.get('ask-contactPersonId') ?? '') || undefined,
          seatsRequested: seats ? Number(seats) : undefined,
          message: String(data.get('ask-message') ?? '').trim() || undefined,
        },
      });
    });
    if (ok) done(t('seats.requestSent'));
  }

  async function sendReminder(id: string) {
    if (await remind.run('remind', `remind-${id}`, offline, async () => void (await request(RemindNominationRequest, { id })))) done(t('seats.reminderSent'));
  }

  async function appointPerson(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const seatId = String(data.get('appoint-seatId') ?? '');
    const endsOn = String(data.get('appoint-endsOn') ?? '');
    const ok = await appoint.run('appoint', 'appoint-personId', offline, async () => {
      await request(Appoint, {
        input: {
          seatId: seatId || undefined,
          allocationId: seatId ? undefined : a.id,
          personId: String(data.get('appoint-personId') ?? ''),
          kind: String(data.get('appoint-kind')) as 'PRINCIPAL' | 'SUBSTITUTE',
          startsOn: String(data.get('appoint-startsOn') ?? ''),
          endsOn: endsOn || undefined,
        },
      });
    });
    if (ok) done(t('seats.appointed'));
  }

  async function appointCandidate(event: FormEvent<HTMLFormElement>, nominationId: string, personId: string, name: string) {
    event.preventDefault();
    const startsOn = String(new FormData(event.currentTarget).get(`from-${nominationId}-${personId}`) ?? '');
    const ok = await fromNomination.run('from', `from-${nominationId}-${personId}`, offline, async () => {
      await request(Appoint, { input: { allocationId: a.id, personId, kind: 'PRINCIPAL', startsOn, nominationId } });
    });
    if (ok) done(t('seats.appointedName', { name }));
  }

  async function endTerm(event: FormEvent<HTMLFormElement>, appointmentId: string) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const ok = await end.run('end', 'end-endsOn', offline, async () => {
      await request(EndAppointment, { input: { appointmentId, endsOn: String(data.get('end-endsOn') ?? ''), reason: String(data.get('end-reason') ?? '') } });
    });
    if (ok) {
      setEnding(null);
      done(t('seats.termEnded'));
    }
  }

  const countConflict = count.errors.find((e) => e.code === 'CONFLICT');
  const openRequests = a.nominationRequests.filter((r) => r.status === 'SENT');
  const answered = a.nominationRequests.filter((r) => r.nominations.length > 0);
  const name = a.organisation.name + (a.requiredPerspective ? ` (${a.requiredPerspective})` : '');

  const appointedFrom = new Set(a.seats.flatMap((s) => s.appointments.filter((p) => p.nominationId).map((p) => `${p.nominationId}:${p.person.id}`)));

  return (
    <div className="seat-page">
      <Heading>{t('seats.allocationTitle', { organisation: name })}</Heading>
      <p>
        <Link to="/working-groups/$workingGroupId/seats" params={{ workingGroupId }}>
          {t('seats.backToGrid', { group: a.workingGroup.name })}
        </Link>
      </p>
      {saved && (
        <p role="status" className="saved">
          {saved}
        </p>
      )}
      <dl className="facts">
        <dt>{t('seats.organisation')}</dt>
        <dd>{a.organisation.name}</dd>
        <dt>{t('seats.nominatingBody')}</dt>
        <dd>{a.nominatingOrganisation.name}</dd>
        <dt>{t('seats.role')}</dt>
        <dd>{t(`seats.role.${a.role}`)}</dd>
        <dt>{t('seats.seatCount')}</dt>
        <dd>{t('seats.counts', { seats: a.seatCount, filled: a.filledCount, holdover: a.holdoverCount, vacant: a.vacantCount })}</dd>
        <dt>{t('seats.pairRule')}</dt>
        <dd>{a.requiresGenderPair ? t('seats.pairRequired') : t('seats.notRequired')}</dd>
        {a.termMonths && (
          <>
            <dt>{t('seats.termMonths')}</dt>
            <dd>{a.termMonths}</dd>
          </>
        )}
        {a.maxConsecutiveTerms && (
          <>
            <dt>{t('seats.maxConsecutiveTerms')}</dt>
            <dd>{a.maxConsecutiveTerms}</dd>
          </>
        )}
      </dl>
      {a.notes && <p className="prewrap">{a.notes}</p>}

      <Panel id="count" title={t('seats.changeCount')}>
        <ErrorSummary ref={count.summary} errors={count.errors} />
        {countConflict && (
          <div className="conflict">
            <p>{t('seats.countConflictWhat', { occupied })}</p>
            <p>{t('seats.countConflictNext', { occupied })}</p>
          </div>
        )}
        <form className="inline-form" onSubmit={changeCount} noValidate>
          <div>
            <label htmlFor="count-seatCount">{t('seats.seatCount')}</label>
            <input id="count-seatCount" name="count-seatCount" type="number" min={1} max={500} defaultValue={a.seatCount} key={a.seatCount} {...described('count-seatCount', count.errors)} />
            <FieldProblem id="count-seatCount" errors={count.errors} />
          </div>
          <button type="submit" disabled={count.busy}>
            {t('seats.saveCount')}
          </button>
        </form>
      </Panel>

      <Panel id="requests" title={t('seats.requests')}>
        <h3>{t('seats.tracker')}</h3>
        <ErrorSummary ref={remind.summary} errors={remind.errors} />
        {a.nominationRequests.length === 0 ? (
          <p className="secondary">{t('seats.noRequests')}</p>
        ) : (
          <ScrollTable label={t('seats.trackerCaption', { organisation: name })}>
            <table className="data">
              <caption className="visually-hidden">{t('seats.trackerCaption', { organisation: name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('seats.askedOrganisation')}</th>
                  <th scope="col">{t('seats.contact')}</th>
                  <th scope="col">{t('seats.deadline')}</th>
                  <th scope="col">{t('seats.requestStatus')}</th>
                  <th scope="col">{t('seats.mailsSent')}</th>
                  <th scope="col">{t('seats.remind')}</th>
                </tr>
              </thead>
              <tbody>
                {a.nominationRequests.map((r) => {
                  const late = r.status === 'SENT' && r.deadline < today;
                  const reminders = r.mails.length > 0 ? r.mails.length - 1 : 0;
                  const last = r.mails[r.mails.length - 1];
                  return (
                    <tr key={r.id}>
                      <th scope="row">{r.organisation.name}</th>
                      <td>{r.contactPerson ? `${r.contactPerson.displayName}${r.contactPerson.email ? ` <${r.contactPerson.email}>` : ''}` : t('seats.noContact')}</td>
                      <td>
                        {date(r.deadline)}
                        {late && <strong> · {t('seats.late')}</strong>}
                      </td>
                      <td>{r.status === 'SENT' ? t('seats.notAnswered') : r.status === 'ANSWERED' && r.answeredAt ? t('seats.answeredOn', { date: dateTime(r.answeredAt) }) : t(`seats.request.${r.status}`)}</td>
                      <td>
                        {t('seats.reminders', { count: reminders })}
                        {last && <span className="secondary"> · {t('seats.lastMail', { date: dateTime(last.sentAt ?? last.createdAt), status: t(`seats.mail.${last.status}`) })}</span>}
                      </td>
                      <td>
                        {r.status === 'SENT' && r.contactPerson && (
                          <button type="button" id={`remind-${r.id}`} className="secondary-button" disabled={remind.busy} onClick={() => void sendReminder(r.id)}>
                            {t('seats.remindButton', { organisation: r.organisation.name })}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
        )}
        <h3>{t('seats.newRequest')}</h3>
        <ErrorSummary ref={ask.summary} errors={ask.errors} />
        {openRequests.length > 0 && <p className="secondary">{t('seats.openRequestNote')}</p>}
        <form className="stack" onSubmit={requestNomination} noValidate>
          <label htmlFor="ask-deadline">{t('seats.deadline')}</label>
          <input id="ask-deadline" name="ask-deadline" type="date" defaultValue={addDays(today, 30)} {...described('ask-deadline', ask.errors)} />
          <FieldProblem id="ask-deadline" errors={ask.errors} />
          <Picker id="ask-contactPersonId" label={t('seats.contact')} kind="person" optional={t('seats.noContactChosen')} errors={ask.errors} />
          <label htmlFor="ask-seatsRequested">{t('seats.seatsRequested')}</label>
          <input id="ask-seatsRequested" name="ask-seatsRequested" type="number" min={1} max={500} aria-describedby="ask-seatsRequested-hint" />
          <p id="ask-seatsRequested-hint" className="secondary">
            {t('seats.seatsRequestedHint')}
          </p>
          <FieldProblem id="ask-seatsRequested" errors={ask.errors} />
          <p>{a.requiresGenderPair ? t('seats.ruleInRequest') : t('seats.noRuleInRequest')}</p>
          <label htmlFor="ask-message">{t('seats.message')}</label>
          <textarea id="ask-message" name="ask-message" {...described('ask-message', ask.errors)} />
          <FieldProblem id="ask-message" errors={ask.errors} />
          <button type="submit" disabled={ask.busy}>
            {t('seats.sendRequest')}
          </button>
        </form>
      </Panel>

      <Panel id="nominations" title={t('seats.nominationsReceived')}>
        <ErrorSummary ref={fromNomination.summary} errors={fromNomination.errors} />
        {answered.length === 0 ? (
          <p className="secondary">{t('seats.noNominations')}</p>
        ) : (
          answered.flatMap((r) =>
            r.nominations.map((n) => (
              <article key={n.id} className="card">
                <h3>{t('seats.nominationFrom', { organisation: r.organisation.name })}</h3>
                <p>
                  {!a.requiresGenderPair
                    ? t('seats.notRequired')
                    : n.compliesWithGenderRule
                      ? t('seats.pairMet')
                      : t('seats.pairNotMetReason', { reason: n.genderRuleReason ?? '' })}
                </p>
                <ul className="items">
                  {n.candidates.map((c) => (
                    <li key={c.id}>
                      {appointedFrom.has(`${n.id}:${c.id}`) ? (
                        <span>
                          {c.displayName} <span className="secondary">({gender(c.gender)})</span> · <strong>{t('seats.appointedFromNomination')}</strong>
                        </span>
                      ) : (
                      <form className="inline-form" onSubmit={(e) => void appointCandidate(e, n.id, c.id, c.displayName)} noValidate>
                        <span>
                          {c.displayName} <span className="secondary">({gender(c.gender)})</span>
                        </span>
                        <div>
                          <label htmlFor={`from-${n.id}-${c.id}`}>{t('seats.startsOn')}</label>
                          <input id={`from-${n.id}-${c.id}`} name={`from-${n.id}-${c.id}`} type="date" defaultValue={today} {...described(`from-${n.id}-${c.id}`, fromNomination.errors)} />
                          <FieldProblem id={`from-${n.id}-${c.id}`} errors={fromNomination.errors} />
                        </div>
                        <button type="submit" disabled={fromNomination.busy}>
                          {t('seats.appointName', { name: c.displayName })}
                        </button>
                      </form>
                      )}
                    </li>
                  ))}
                </ul>
              </article>
            )),
          )
        )}
      </Panel>

      <Panel id="appointments" title={t('seats.appointments')}>
        <ErrorSummary ref={end.summary} errors={end.errors} />
        {[...a.seats]
          .sort((x, y) => x.number - y.number)
          .map((s) => {
            const principal = s.appointments.find((p) => p.kind === 'PRINCIPAL' && (p.status === 'CURRENT' || p.status === 'HOLDOVER'));
            const st = gridStatus(s.status, principal?.endsOn, today);
            return (
              <div key={s.id} className="seat-block">
                <h3>
                  {t('seats.seatNumber', { number: s.number })}: <span className={`seat-status seat-status-${st.toLowerCase()}`}>{t(`seats.status.${st}`)}</span>
                </h3>
                {s.appointments.length === 0 ? (
                  <p className="secondary">{t('seats.neverHeld')}</p>
                ) : (
                  <ScrollTable label={t('seats.seatHistory', { number: s.number })}>
                    <table className="data">
                      <caption className="visually-hidden">{t('seats.seatHistory', { number: s.number })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('seats.person')}</th>
                          <th scope="col">{t('seats.kind')}</th>
                          <th scope="col">{t('seats.term')}</th>
                          <th scope="col">{t('seats.termStatus')}</th>
                          <th scope="col">{t('seats.served')}</th>
                          <th scope="col">{t('seats.action')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.appointments.map((p) => (
                          <tr key={p.id}>
                            <th scope="row">
                              {p.person.displayName} <span className="secondary">({gender(p.person.gender)})</span>
                            </th>
                            <td>{t(`seats.kind.${p.kind}`)}</td>
                            <td>
                              {date(p.startsOn)} – {p.endsOn ? date(p.endsOn) : t('seats.openEnded')}
                              <br />
                              <span className="secondary">{a.maxConsecutiveTerms ? t('seats.termOf', { n: p.termNumber, max: a.maxConsecutiveTerms }) : t('seats.termNo', { n: p.termNumber })}</span>
                            </td>
                            <td>
                              {t(`seats.appointment.${p.status}`)}
                              {p.endedReason && <span className="secondary"> · {t('seats.endedBecause', { reason: p.endedReason })}</span>}
                              {p.vacancyNotice && (
                                <p className="vacancy-notice">
                                  {t('seats.vacancyNotice', { to: p.vacancyNotice.toAddress, subject: p.vacancyNotice.subject, status: t(`seats.mail.${p.vacancyNotice.status}`) })}
                                </p>
                              )}
                            </td>
                            <td>{t('seats.days', { count: daysServed(p.startsOn, p.endsOn, today) })}</td>
                            <td>
                              {(p.status === 'CURRENT' || p.status === 'HOLDOVER' || p.status === 'FUTURE') && ending !== p.id && (
                                <button type="button" className="secondary-button" onClick={() => setEnding(p.id)}>
                                  {t('seats.endTermOf', { name: p.person.displayName })}
                                </button>
                              )}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </ScrollTable>
                )}
                {s.appointments
                  .filter((p) => p.id === ending)
                  .map((p) => (
                    <form key={p.id} className="stack end-form" onSubmit={(e) => void endTerm(e, p.id)} noValidate aria-label={t('seats.endTermOf', { name: p.person.displayName })}>
                      <label htmlFor="end-endsOn">{t('seats.lastDay')}</label>
                      <input id="end-endsOn" name="end-endsOn" type="date" defaultValue={today} {...described('end-endsOn', end.errors)} />
                      <FieldProblem id="end-endsOn" errors={end.errors} />
                      <label htmlFor="end-reason">{t('seats.endReason')}</label>
                      <textarea id="end-reason" name="end-reason" required {...described('end-reason', end.errors)} />
                      <FieldProblem id="end-reason" errors={end.errors} />
                      <p className="secondary">{a.workingGroup.holdoverAllowed ? t('seats.endNoteHoldover') : t('seats.endNote')}</p>
                      <div className="inline-form">
                        <button type="submit" disabled={end.busy}>
                          {t('seats.endTerm')}
                        </button>
                        <button type="button" className="secondary-button" onClick={() => setEnding(null)}>
                          {t('seats.cancel')}
                        </button>
                      </div>
                    </form>
                  ))}
              </div>
            );
          })}

        <h3>{t('seats.appointTitle')}</h3>
        <ErrorSummary ref={appoint.summary} errors={appoint.errors} />
        {appoint.errors.some((e) => e.code === 'CONFLICT') && (
          <div className="conflict">
            <p>{t('seats.appointConflictNext')}</p>
          </div>
        )}
        <form className="stack" onSubmit={appointPerson} noValidate>
          <Picker id="appoint-personId" label={t('seats.person')} kind="person" errors={appoint.errors} />
          <label htmlFor="appoint-kind">{t('seats.kind')}</label>
          <select id="appoint-kind" name="appoint-kind" defaultValue="PRINCIPAL">
            <option value="PRINCIPAL">{t('seats.kind.PRINCIPAL')}</option>
            <option value="SUBSTITUTE">{t('seats.kind.SUBSTITUTE')}</option>
          </select>
          <label htmlFor="appoint-seatId">{t('seats.seat')}</label>
          <select id="appoint-seatId" name="appoint-seatId" defaultValue="" {...described('appoint-seatId', appoint.errors)}>
            <option value="">{t('seats.firstFreeSeat')}</option>
            {[...a.seats]
              .sort((x, y) => x.number - y.number)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {t('seats.seatNumber', { number: s.number })}
                </option>
              ))}
          </select>
          <FieldProblem id="appoint-seatId" errors={appoint.errors} />
          <label htmlFor="appoint-startsOn">{t('seats.startsOn')}</label>
          <input id="appoint-startsOn" name="appoint-startsOn" type="date" defaultValue={today} {...described('appoint-startsOn', appoint.errors)} />
          <FieldProblem id="appoint-startsOn" errors={appoint.errors} />
          <label htmlFor="appoint-endsOn">{t('seats.endsOn')}</label>
          <input id="appoint-endsOn" name="appoint-endsOn" type="date" aria-describedby="appoint-endsOn-hint" />
          <p id="appoint-endsOn-hint" className="secondary">
            {a.termMonths ? t('seats.endsOnHintTerm', { months: a.termMonths }) : t('seats.endsOnHint')}
          </p>
          <FieldProblem id="appoint-endsOn" errors={appoint.errors} />
          <button type="submit" disabled={appoint.busy}>
            {t('seats.appoint')}
          </button>
        </form>
      </Panel>
    </div>
  );
}

/** Days in the seat up to today (0 for a term not begun). */
function daysServed(startsOn: string, endsOn: string | null | undefined, today: string): number {
  const last = endsOn && endsOn < today ? endsOn : today;
  if (startsOn > last) return 0;
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}
