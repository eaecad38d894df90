import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, OfflineNotice, asFailure, signInAgain, type FieldError } from '../core/form';
import { fileSize } from '../core/format';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { clearDraft, readDraft, saveDraft } from '../core/session';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { AnswerReview, ReviewRoundPage as ReviewRoundQuery } from './review-round-page.operations';

type Verdict = 'APPROVE' | 'REQUEST_CHANGES' | 'COMMENT';
interface Draft {
  verdict: Verdict | '';
  summary: string;
  section: string;
  comment: string;
  wording: string;
}
const EMPTY: Draft = { verdict: '', summary: '', section: '', comment: '', wording: '' };

/** A review round (remiss): the version under review to download, my answer, my earlier answers and comments with the secretariat's responses. */
export function ReviewRoundPage() {
  const { reviewRoundId } = useParams({ strict: false }) as { reviewRoundId: string };
  const { t, date, dateTime, locale } = useI18n();
  const query = useQuery(ReviewRoundQuery, { id: reviewRoundId });
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { reviewRound: r, me } = query.data;
  const mine = r.answers.filter((a) => a.personId === me.person.id);
  const myComments = r.comments.filter((c) => c.personId === me.person.id);
  const isReviewer = r.reviewers.some((x) => x.personId === me.person.id);
  return (
    <>
      <Heading>{t('review.title', { title: r.deliverable.title })}</Heading>
      <dl className="facts">
        <dt>{t('deliverable.title')}</dt>
        <dd>
          <Link to="/deliverables/$deliverableId" params={{ deliverableId: r.deliverable.id }}>
            {r.deliverable.title}
          </Link>
        </dd>
        <dt>{t('review.deadline')}</dt>
        <dd>{date(`${r.deadline}T12:00:00Z`)}</dd>
        <dt>{t('review.document')}</dt>
        <dd>
          <a href={r.version.downloadPath} download>
            {t('deliverable.download', { number: r.version.number, filename: r.version.filename })}
          </a>{' '}
          <span className="secondary">({fileSize(r.version.sizeBytes, locale)})</span>
        </dd>
      </dl>
      {r.message && <p className="prewrap">{r.message}</p>}
      {r.mayManage && (
        <p>
          <Link to="/review-rounds/$reviewRoundId/follow" params={{ reviewRoundId: r.id }}>
            {t('reviews.follow')}
          </Link>
        </p>
      )}
      {r.status === 'CLOSED' && <p className="notice">{t('review.closed')}</p>}
      {r.status === 'OPEN' && isReviewer && <AnswerForm roundId={r.id} onAnswered={query.reload} />}
      {mine.length > 0 && (
        <section aria-labelledby="my-answers">
          <h2 id="my-answers">{t('review.myAnswers')}</h2>
          <ul className="items">
            {mine.map((a) => (
              <li key={a.id}>
                <strong>{a.verdictLabel}</strong> <span className="secondary">{dateTime(a.answeredAt)}</span>
                {a.summary && <div className="prewrap">{a.summary}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {myComments.length > 0 && (
        <section aria-labelledby="my-comments">
          <h2 id="my-comments">{t('review.myComments')}</h2>
          <ol className="items">
            {myComments.map((c) => (
              <li key={c.id} value={c.number}>
                {c.anchor && <div className="secondary">{t('review.section', { section: c.anchor })}</div>}
                <div className="prewrap">{c.body}</div>
                {c.proposedWording && <div className="prewrap">{t('review.wordingShown', { wording: c.proposedWording })}</div>}
                {c.response && (
                  <div className="response">
                    {t('review.response')}: {c.decisionLabel && <strong>{c.decisionLabel}. </strong>}
                    {c.response}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function AnswerForm({ roundId, onAnswered }: { roundId: string; onAnswered(): void }) {
  const { t } = useI18n();
  const key = `review:${roundId}`;
  const [draft, setDraft] = useState<Draft>(() => readDraft<Draft>(key) ?? EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    saveDraft(key, next);
  };
  const errorOf = (field: string) => errors.find((e) => e.field === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = [];
    setOffline(false);
    if (!draft.verdict) found.push({ field: 'review-verdict-APPROVE', message: t('review.chooseVerdict') });
    if ((draft.section.trim() || draft.wording.trim()) && !draft.comment.trim()) found.push({ field: 'review-comment', message: t('form.required', { field: t('review.comment') }) });
    if (found.length === 0) {
      setBusy(true);
      try {
        const comments = draft.comment.trim()
          ? [{ body: draft.comment.trim(), anchor: draft.section.trim() || null, anchorKind: draft.section.trim() ? ('SECTION' as const) : ('GENERAL' as const), proposedWording: draft.wording.trim() || null }]
          : [];
        await request(AnswerReview, { input: { roundId, verdict: draft.verdict as Verdict, summary: draft.summary.trim() || null, comments } });
        clearDraft(key);
        setDraft(EMPTY);
        setErrors([]);
        setNotice(t('review.saved'));
        onAnswered();
        return;
      } catch (error) {
        const failed = asFailure(error);
        // The answer being typed is in sessionStorage: it is there again after signing in.
        if (failed.kind === 'unauthenticated') return signInAgain();
        if (failed.kind === 'network') {
          setOffline(true);
          setErrors([]);
          return;
        }
        const field = failed.errors[0]?.fields?.[0];
        const target = field?.includes('summary') ? 'review-summary' : field?.includes('comments') ? 'review-comment' : 'review-verdict-APPROVE';
        found.push({ field: target, message: failed.errors[0]?.message ?? t('app.failed', { code: failed.kind }) });
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
    requestAnimationFrame(() => summary.current?.focus());
  }

  return (
    <section aria-labelledby="answer">
      <h2 id="answer">{t('review.answer')}</h2>
      <ErrorSummary ref={summary} errors={errors} />
      {notice && (
        <p role="status" className="saved">
          {notice}
        </p>
      )}
      <OfflineNotice onRetry={offline ? () => form.current?.requestSubmit() : null} />
      <form ref={form} className="stack" onSubmit={submit} noValidate>
        <fieldset aria-describedby={errorOf('review-verdict-APPROVE') ? 'verdict-error' : undefined}>
          <legend>{t('review.verdict')}</legend>
          {errorOf('review-verdict-APPROVE') && (
            <p id="verdict-error" className="field-error">
              {errorOf('review-verdict-APPROVE')!.message}
            </p>
          )}
          <div className="choices">
            {(['APPROVE', 'REQUEST_CHANGES', 'COMMENT'] as const).map((v) => (
              <label key={v} className="choice">
                <input type="radio" id={`review-verdict-${v}`} name="verdict" value={v} checked={draft.verdict === v} onChange={() => change({ verdict: v })} />
                {t(`review.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor="review-summary">{t('review.summary')}</label>
        <textarea id="review-summary" rows={4} maxLength={5000} value={draft.summary} onChange={(e) => change({ summary: e.target.value })} />
        <label htmlFor="review-section">{t('review.sectionLabel')}</label>
        <input id="review-section" type="text" maxLength={200} value={draft.section} onChange={(e) => change({ section: e.target.value })} />
        <label htmlFor="review-comment">{t('review.comment')}</label>
        <textarea
          id="review-comment"
          rows={4}
          maxLength={10000}
          value={draft.comment}
          aria-invalid={errorOf('review-comment') ? true : undefined}
          aria-describedby={errorOf('review-comment') ? 'comment-error' : undefined}
          onChange={(e) => change({ comment: e.target.value })}
        />
        {errorOf('review-comment') && (
          <p id="comment-error" className="field-error">
            {errorOf('review-comment')!.message}
          </p>
        )}
        <label htmlFor="review-wording">{t('review.wording')}</label>
        <textarea id="review-wording" rows={3} maxLength={10000} value={draft.wording} onChange={(e) => change({ wording: e.target.value })} />
        <button type="submit" disabled={busy}>
          {t('review.send')}
        </button>
      </form>
    </section>
  );
}
