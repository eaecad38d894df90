import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { request } from '../../core/client';
import { ErrorSummary, FieldProblem, useProblems } from '../../core/form';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { ChooseDatePollOption, DatePollAnswersPage as AnswersQuery } from './date-poll-answers-page.operations';
import './scheduling.css';

type Answer = 'YES' | 'IF_NEED_BE' | 'NO';

/**
 * A date poll's answers as a grid (a person per row, a time per column) for
 * the secretariat and the group's chair, and the choice of a time: that
 * closes the poll, creates the meeting and invites the members.
 */
export function DatePollAnswersPage() {
  const { datePollId } = useParams({ strict: false }) as { datePollId: string };
  const { t, dateTime } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(AnswersQuery, { id: datePollId });
  const { errors, fail, summary } = useProblems();
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const poll = query.data.datePoll;
  const people = query.data.datePollAnswers;
  const options = poll.options;
  const pick = chosen ?? options.find((o) => o.best)?.option.id ?? options[0]?.option.id ?? '';

  async function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const { chooseDatePollOption } = await request(ChooseDatePollOption, { pollId: poll.id, optionId: pick });
      await navigate({ to: '/meetings/$meetingId/invitations', params: { meetingId: chooseDatePollOption.meeting.id } });
    } catch (error) {
      fail(error, 'choice');
    } finally {
      setBusy(false);
    }
  }

  const label = (o: { startsAt: string; endsAt: string }) => `${dateTime(o.startsAt, poll.timeZone)}`;
  return (
    <>
      <Heading>{t('scheduling.answersTitle', { title: poll.title })}</Heading>
      <p>
        <Link to="/date-polls/$datePollId" params={{ datePollId: poll.id }}>
          {poll.title}
        </Link>
      </p>
      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('scheduling.grid')}</h2>
        {people.length === 0 ? (
          <p>{t('scheduling.nobody')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="grid-title" tabIndex={0}>
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">{t('scheduling.person')}</th>
                  {options.map((o) => (
                    <th scope="col" key={o.option.id} className={o.best ? 'best' : undefined}>
                      <time dateTime={o.option.startsAt}>{label(o.option)}</time>
                      {o.best && <> ({t('scheduling.best')})</>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {people.map((p) => {
                  const byOption = new Map(p.answers.map((a) => [a.optionId, a.answer as Answer]));
                  return (
                    <tr key={p.personId}>
                      <th scope="row">
                        {p.person?.displayName ?? ''} {!p.invited && <span className="secondary">{t('scheduling.notAsked')}</span>}
                      </th>
                      {options.map((o) => {
                        const answer = byOption.get(o.option.id);
                        return <td key={o.option.id}>{answer ? t(`scheduling.${answer}`) : <span className="secondary">{t('scheduling.noAnswer')}</span>}</td>;
                      })}
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('scheduling.totals')}</th>
                  {options.map((o) => (
                    <td key={o.option.id}>
                      {o.yes + o.ifNeedBe}
                      <div className="secondary">
                        {t('scheduling.count', { answer: t('scheduling.YES'), count: o.yes })}, {t('scheduling.count', { answer: t('scheduling.IF_NEED_BE'), count: o.ifNeedBe })},{' '}
                        {t('scheduling.count', { answer: t('scheduling.NO'), count: o.no })}
                      </div>
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      {poll.status === 'open' ? (
        <section aria-labelledby="choose-title">
          <h2 id="choose-title">{t('scheduling.choose')}</h2>
          <ErrorSummary ref={summary} errors={errors} />
          <form className="stack" onSubmit={(e) => void choose(e)} noValidate>
            <fieldset id="choice">
              <legend>{t('scheduling.chooseHint')}</legend>
              {options.map((o) => (
                <label className="choice" key={o.option.id}>
                  <input type="radio" name="option" value={o.option.id} checked={pick === o.option.id} onChange={() => setChosen(o.option.id)} />
                  {label(o.option)}
                  {o.best && <> ({t('scheduling.best')})</>}
                </label>
              ))}
            </fieldset>
            <FieldProblem id="choice" errors={errors} />
            <button type="submit" disabled={busy || !pick}>
              {t('scheduling.chooseSubmit')}
            </button>
          </form>
        </section>
      ) : (
        <p>
          {t('scheduling.closed')}{' '}
          {poll.meetingId && (
            <Link to="/meetings/$meetingId/invitations" params={{ meetingId: poll.meetingId }}>
              {t('scheduling.toMeeting')}
            </Link>
          )}
        </p>
      )}
    </>
  );
}
