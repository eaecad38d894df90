import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../../core/client';
import { ErrorSummary, FieldProblem, described, useProblems, type FieldError } from '../../core/form';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import type { ResultOf } from '../../core/graphql';
import { CloseReviewRound, RemindReviewers, RespondToComment, ReviewRoundFollowPage as FollowQuery } from './review-round-follow-page.operations';

type Round = ResultOf<typeof FollowQuery>['reviewRound'];
type Comment = Round['comments'][number];
const DECISIONS = ['ACCEPTED', 'PARTLY', 'REJECTED'] as const;
const OUTCOMES = ['APPROVED', 'CHANGES_REQUESTED', 'INCONCLUSIVE'] as const;

/**
 * The secretariat follows a review round: who answered and who has not (with a
 * remind button that sends one reminder per press), each comment with the
 * secretariat's response and decision, the comment matrix to download as Excel
 * or CSV, and closing the round with its outcome. Others get "not for you"
 * (reviewers answer on /review-rounds/<id>).
 */
export function ReviewRoundFollowPage() {
  const { reviewRoundId } = useParams({ strict: false }) as { reviewRoundId: string };
  const query = useQuery(FollowQuery, { id: reviewRoundId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const r = query.data.reviewRound;
  if (!r.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return <Follow round={r} reload={query.reload} />;
}

function Follow({ round: r, reload }: { round: Round; reload(): void }) {
  const { t, date, dateTime, locale } = useI18n();
  const answered = r.reviewers.filter((x) => x.answered).length;
  // In the language the page shows (a link's GET carries the browser's Accept-Language).
  const xlsxPath = `${r.commentMatrixPath}?lang=${locale}`;
  const csvPath = `${r.commentMatrixPath.replace(/\.xlsx$/, '.csv')}?lang=${locale}`;
  // By organisation, then name: the order of the matrix.
  const reviewers = [...r.reviewers].sort((a, b) => (a.organisation?.name ?? '').localeCompare(b.organisation?.name ?? '') || a.person.displayName.localeCompare(b.person.displayName));
  return (
    <>
      <Heading>{t('reviews.followTitle', { title: r.deliverable.title })}</Heading>
      <dl className="facts">
        <dt>{t('deliverable.title')}</dt>
        <dd>
          <Link to="/deliverables/$deliverableId" params={{ deliverableId: r.deliverable.id }}>
            {r.deliverable.title}
          </Link>
        </dd>
        <dt>{t('reviews.document')}</dt>
        <dd>
          <a href={r.version.downloadPath} download>
            {t('reviews.versionOption', { number: r.version.number, filename: r.version.filename })}
          </a>
        </dd>
        <dt>{t('reviews.deadline')}</dt>
        <dd>{date(`${r.deadline}T12:00:00Z`)}</dd>
        <dt>{t('reviews.status')}</dt>
        <dd>{t(`reviews.${r.status}`)}</dd>
      </dl>
      {r.message && <p className="prewrap">{r.message}</p>}
      <p>
        <Link to="/review-rounds/$reviewRoundId" params={{ reviewRoundId: r.id }}>
          {t('reviews.memberPage')}
        </Link>
      </p>
      {r.status === 'CLOSED' && r.outcome && (
        <div className="notice-inline" role="status">
          <p>{t('reviews.closedWith', { outcome: t(`reviews.${r.outcome}`) })}.</p>
          {r.outcomeNote && <p className="prewrap">{r.outcomeNote}</p>}
        </div>
      )}

      <section aria-labelledby="answers">
        <h2 id="answers">{t('reviews.answersHeading', { answered, total: r.reviewers.length })}</h2>
        <ul className="cards">
          {reviewers.map((x) => {
            const answer = r.answers.find((a) => a.personId === x.personId);
            return (
              <li key={x.personId} className="card">
                <h3>{x.person.displayName}</h3>
                {x.organisation && <p className="secondary">{x.organisation.name}</p>}
                <p>
                  {answer ? (
                    <>
                      <strong>{answer.verdictLabel}</strong> <span className="secondary">({t('reviews.answeredAt', { time: dateTime(answer.answeredAt) })})</span>
                    </>
                  ) : (
                    <strong>{t('reviews.notAnswered')}</strong>
                  )}
                </p>
                {answer?.summary && <p className="prewrap">{answer.summary}</p>}
                {x.reminderCount > 0 && x.remindedAt && <p className="secondary">{t('reviews.remindedTimes', { count: x.reminderCount, time: dateTime(x.remindedAt) })}</p>}
              </li>
            );
          })}
        </ul>
        {r.status === 'OPEN' && <Remind round={r} waiting={r.reviewers.length - answered} onReminded={reload} />}
      </section>

      <section aria-labelledby="comments">
        <h2 id="comments">{t('reviews.commentsHeading', { count: r.comments.length })}</h2>
        {r.comments.length === 0 ? (
          <p className="secondary">{t('reviews.noComments')}</p>
        ) : (
          <ol className="cards">
            {r.comments.map((c) => (
              <CommentCard key={c.id} comment={c} onSaved={reload} />
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="matrix">
        <h2 id="matrix">{t('reviews.matrixHeading')}</h2>
        <p className="hint">{t('reviews.matrixHint')}</p>
        <ul className="actions">
          <li>
            <a href={xlsxPath} download>
              {t('reviews.downloadXlsx')}
            </a>
          </li>
          <li>
            <a href={csvPath} download>
              {t('reviews.downloadCsv')}
            </a>
          </li>
        </ul>
      </section>

      {r.status === 'OPEN' && <CloseForm roundId={r.id} onClosed={reload} />}
    </>
  );
}

/** One press, one reminder to each reviewer who has not answered: the number of the reminder makes a second press of the same one send nothing. */
function Remind({ round: r, waiting, onReminded }: { round: Round; waiting: number; onReminded(): void }) {
  const { t, dateTime } = useI18n();
  const { errors, fail, summary } = useProblems();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<number | null>(null);

  async function remind() {
    if (busy) return;
    setBusy(true);
    try {
      await request(RemindReviewers, { input: { roundId: r.id, reminder: r.remindersSent + 1 } });
      setSent(waiting);
      onReminded();
    } catch (error) {
      fail(error, 'remind');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <ErrorSummary ref={summary} errors={errors} />
      <p className="secondary">{r.lastRemindedAt ? t('reviews.remindersSent', { count: r.remindersSent, time: dateTime(r.lastRemindedAt) }) : t('reviews.remindersSent', { count: 0, time: '' })}</p>
      {waiting === 0 ? (
        <p>{t('reviews.allAnswered')}</p>
      ) : (
        <button type="button" id="remind" disabled={busy} onClick={() => void remind()} {...described('remind', errors)}>
          {t('reviews.remind', { count: waiting })}
        </button>
      )}
      <FieldProblem id="remind" errors={errors} />
      <p role="status" className="saved">
        {sent !== null ? t('reviews.reminded', { count: sent }) : ''}
      </p>
    </div>
  );
}

const ANCHOR_KEYS = { GENERAL: 'reviews.GENERAL', SECTION: 'reviews.SECTION', PAGE: 'reviews.PAGE', LINE: 'reviews.LINE' } as const;

/** A comment of the matrix with the secretariat's decision and response. */
function CommentCard({ comment: c, onSaved }: { comment: Comment; onSaved(): void }) {
  const { t } = useI18n();
  const { errors, setErrors, fail, summary } = useProblems();
  const [decision, setDecision] = useState<string>(c.decision ?? '');
  const [response, setResponse] = useState(c.response ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const decisionId = `decision-${c.number}-${DECISIONS[0]}`;
  const responseId = `response-${c.number}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const found: FieldError[] = [];
    if (!decision) found.push({ field: decisionId, message: t('reviews.needDecision', { number: c.number }) });
    if (!response.trim()) found.push({ field: responseId, message: t('reviews.needResponse', { number: c.number }) });
    if (found.length) return setErrors(found);
    setBusy(true);
    try {
      await request(RespondToComment, { input: { commentId: c.id, decision: decision as (typeof DECISIONS)[number], response: response.trim() } });
      setErrors([]);
      setSaved(true);
      onSaved();
    } catch (error) {
      fail(error, responseId, { response: responseId, decision: decisionId });
    } finally {
      setBusy(false);
    }
  }

  const anchor = t(ANCHOR_KEYS[c.anchorKind], { anchor: c.anchor ?? '' });
  return (
    <li className="card" value={c.number}>
      <h3>
        {t('reviews.commentNumber', { number: c.number })} · {anchor}
      </h3>
      <p className="secondary">{c.organisation ? t('reviews.by', { reviewer: c.reviewer.displayName, organisation: c.organisation.name }) : c.reviewer.displayName}</p>
      <p className="prewrap">{c.body}</p>
      {c.proposedWording && (
        <p className="prewrap">
          <strong>{t('reviews.proposedWording')}</strong> {c.proposedWording}
        </p>
      )}
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset {...(errors.some((e) => e.field === decisionId) ? { 'aria-describedby': `${decisionId}-error` } : {})}>
          <legend>{t('reviews.decision', { number: c.number })}</legend>
          <FieldProblem id={decisionId} errors={errors} />
          <div className="choices">
            {DECISIONS.map((d) => (
              <label key={d} className="choice">
                <input type="radio" id={`decision-${c.number}-${d}`} name={`decision-${c.number}`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
                {t(`reviews.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={responseId}>{t('reviews.response', { number: c.number })}</label>
        <textarea id={responseId} rows={3} maxLength={20000} value={response} onChange={(e) => setResponse(e.target.value)} {...described(responseId, errors)} />
        <FieldProblem id={responseId} errors={errors} />
        <button type="submit" disabled={busy}>
          {t('reviews.saveResponse')}
        </button>
        <p role="status" className="saved">
          {saved ? t('reviews.responseSaved', { number: c.number }) : ''}
        </p>
      </form>
    </li>
  );
}

/** Closes the round with its outcome, which moves the deliverable on (approved, back to in progress, or stays in review). */
function CloseForm({ roundId, onClosed }: { roundId: string; onClosed(): void }) {
  const { t } = useI18n();
  const { errors, setErrors, fail, summary } = useProblems();
  const [outcome, setOutcome] = useState<string>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const outcomeId = `outcome-${OUTCOMES[0]}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!outcome) return setErrors([{ field: outcomeId, message: t('reviews.needOutcome') }]);
    setBusy(true);
    try {
      await request(CloseReviewRound, { input: { roundId, outcome: outcome as (typeof OUTCOMES)[number], note: note.trim() || undefined } });
      onClosed();
    } catch (error) {
      fail(error, outcomeId, { outcome: outcomeId, note: 'close-note' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="close">
      <h2 id="close">{t('reviews.closeHeading')}</h2>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset {...(errors.some((e) => e.field === outcomeId) ? { 'aria-describedby': `${outcomeId}-error` } : {})}>
          <legend>{t('reviews.outcome')}</legend>
          <FieldProblem id={outcomeId} errors={errors} />
          <div className="checks">
            {OUTCOMES.map((o) => (
              <label key={o} className="choice">
                <input type="radio" id={`outcome-${o}`} name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
                {t(`reviews.${o}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="close-note">{t('reviews.note')}</label>
        <textarea id="close-note" rows={3} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} {...described('close-note', errors)} />
        <FieldProblem id="close-note" errors={errors} />
        <button type="submit" disabled={busy}>
          {t('reviews.close')}
        </button>
      </form>
    </section>
  );
}
