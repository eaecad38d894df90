import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, OfflineNotice, asFailure, signInAgain, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { clearDraft, readDraft, saveDraft } from '../core/session';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { AnswerDatePoll, DatePollPage as DatePollQuery } from './date-poll-page.operations';

type Vote = 'YES' | 'IF_NEED_BE' | 'NO';

/** A date poll: each time offered with yes / if need be / no, and how others answered so far. */
export function DatePollPage() {
  const { datePollId } = useParams({ strict: false }) as { datePollId: string };
  const { t, dateTime } = useI18n();
  const query = useQuery(DatePollQuery, { id: datePollId });
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  const draftKey = `poll:${datePollId}`;
  const [votes, setVotes] = useState<Record<string, Vote>>(() => readDraft<Record<string, Vote>>(draftKey) ?? {});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [offline, setOffline] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const poll = query.data.datePoll;
  const options = [...poll.options].sort((a, b) => a.option.startsAt.localeCompare(b.option.startsAt));

  function vote(optionId: string, answer: Vote) {
    const next = { ...votes, [optionId]: answer };
    setVotes(next);
    saveDraft(draftKey, next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOffline(false);
    const missing = options.filter((o) => !votes[o.option.id]);
    if (missing.length) {
      setErrors(missing.map((o) => ({ field: `vote-${o.option.id}-YES`, message: t('poll.answerEach', { time: dateTime(o.option.startsAt) }) })));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await request(AnswerDatePoll, { input: { pollId: poll.id, votes: options.map((o) => ({ optionId: o.option.id, answer: votes[o.option.id] })) } });
      clearDraft(draftKey);
      setErrors([]);
      setNotice(t('poll.saved'));
      query.reload();
    } catch (error) {
      const failed = asFailure(error);
      if (failed.kind === 'unauthenticated') return signInAgain();
      if (failed.kind === 'network') {
        setOffline(true);
        setErrors([]);
        return;
      }
      setErrors([{ field: `vote-${options[0]?.option.id}-YES`, message: failed.errors[0]?.message ?? t('app.failed', { code: failed.kind }) }]);
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading>{poll.title}</Heading>
      {poll.maySchedule && (
        <p>
          <Link to="/date-polls/$datePollId/answers" params={{ datePollId: poll.id }}>
            {t('scheduling.answersLink')}
          </Link>
        </p>
      )}
      {poll.place && <p>{t('meeting.place')}: {poll.place}</p>}
      {poll.status !== 'open' && (
        <p className="notice">
          {t('poll.closed')}{' '}
          {poll.meetingId && (
            <Link to="/meetings/$meetingId" params={{ meetingId: poll.meetingId }}>
              {t('poll.toMeeting')}
            </Link>
          )}
        </p>
      )}
      <ErrorSummary ref={summary} errors={errors} />
      {notice && (
        <p role="status" className="saved">
          {notice}
        </p>
      )}
      <OfflineNotice onRetry={offline ? () => form.current?.requestSubmit() : null} />
      <form ref={form} onSubmit={submit} noValidate>
        {options.map((o) => (
          <fieldset key={o.option.id}>
            <legend>
              {dateTime(o.option.startsAt)}
              {o.best && <strong> · {t('poll.best')}</strong>}
            </legend>
            <p className="secondary">{t('poll.counts', { yes: o.yes, ifNeedBe: o.ifNeedBe, no: o.no })}</p>
            {poll.status === 'open' && (
              <div className="choices">
                {(['YES', 'IF_NEED_BE', 'NO'] as const).map((answer) => (
                  <label key={answer} className="choice">
                    <input type="radio" id={`vote-${o.option.id}-${answer}`} name={`vote-${o.option.id}`} checked={votes[o.option.id] === answer} onChange={() => vote(o.option.id, answer)} />
                    {t(`poll.${answer}`)}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        ))}
        {poll.status === 'open' && (
          <button type="submit" disabled={busy}>
            {t('poll.send')}
          </button>
        )}
      </form>
    </>
  );
}
