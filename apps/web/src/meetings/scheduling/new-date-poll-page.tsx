import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { request } from '../../core/client';
import { ErrorSummary, FieldProblem, described, useProblems } from '../../core/form';
import { useI18n } from '../../core/i18n';
import { TimeZoneField } from '../../core/time-zone-field';
import { useQuery } from '../../core/use-query';
import { ForGroupScheduler, GroupScheduleHeading, MeetingKindField, type MeetingKind } from '../schedule-fields';
import { CreateDatePoll, NewDatePollPage as NewDatePollQuery } from './new-date-poll-page.operations';
import './scheduling.css';

/**
 * A date poll for a working group (the secretariat or the group's chair): the
 * times offered; everyone the meeting would invite is mailed a link to answer.
 */
export function NewDatePollPage() {
  const { workingGroupId } = useParams({ strict: false }) as { workingGroupId: string };
  const query = useQuery(NewDatePollQuery, { id: workingGroupId });
  return <ForGroupScheduler query={query}>{(g) => <PollForm group={g} />}</ForGroupScheduler>;
}

function PollForm({ group: g }: { group: { id: string; name: string; commission: { timeZone: string } } }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { errors, fail, summary } = useProblems();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('MEETING');
  const [timeZone, setTimeZone] = useState(g.commission.timeZone);
  const [place, setPlace] = useState('');
  const [options, setOptions] = useState([{ startsAt: '', endsAt: '' }]);
  const [busy, setBusy] = useState(false);

  const setOption = (index: number, field: 'startsAt' | 'endsAt', value: string) => setOptions(options.map((o, i) => (i === index ? { ...o, [field]: value } : o)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const { createDatePoll } = await request(CreateDatePoll, {
        input: { workingGroupId: g.id, title, kind, timeZone, place: place.trim() || undefined, options },
      });
      await navigate({ to: '/date-polls/$datePollId/answers', params: { datePollId: createDatePoll.id } });
    } catch (error) {
      // "options.1.endsAt" is the second time's end field.
      const names = Object.fromEntries(options.flatMap((_, i) => [[`options.${i}.startsAt`, `option-${i}-startsAt`], [`options.${i}.endsAt`, `option-${i}-endsAt`]]));
      fail(error, 'title', { ...names, endsAt: 'option-0-endsAt', startsAt: 'option-0-startsAt' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <GroupScheduleHeading group={g}>{t('scheduling.newPoll', { group: g.name })}</GroupScheduleHeading>
      <p>{t('scheduling.pollIntro')}</p>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="title">{t('scheduling.pollTitle')}</label>
        <input id="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} {...described('title', errors)} />
        <FieldProblem id="title" errors={errors} />
        <MeetingKindField value={kind} onChange={setKind} />
        <TimeZoneField value={timeZone} onChange={setTimeZone} errors={errors} />
        <label htmlFor="place">{t('meeting.place')}</label>
        <input id="place" type="text" value={place} onChange={(e) => setPlace(e.target.value)} {...described('place', errors)} />
        <FieldProblem id="place" errors={errors} />
        <fieldset>
          <legend>{t('scheduling.options')}</legend>
          {options.map((option, index) => (
            <div className="poll-option" key={index}>
              <h3 className="form-title">{t('scheduling.option', { number: index + 1 })}</h3>
              <label htmlFor={`option-${index}-startsAt`}>{t('scheduling.optionStarts', { number: index + 1 })}</label>
              <input id={`option-${index}-startsAt`} type="datetime-local" value={option.startsAt} onChange={(e) => setOption(index, 'startsAt', e.target.value)} {...described(`option-${index}-startsAt`, errors)} />
              <FieldProblem id={`option-${index}-startsAt`} errors={errors} />
              <label htmlFor={`option-${index}-endsAt`}>{t('scheduling.optionEnds', { number: index + 1 })}</label>
              <input id={`option-${index}-endsAt`} type="datetime-local" value={option.endsAt} onChange={(e) => setOption(index, 'endsAt', e.target.value)} {...described(`option-${index}-endsAt`, errors)} />
              <FieldProblem id={`option-${index}-endsAt`} errors={errors} />
              {options.length > 1 && (
                <button type="button" className="secondary-button" onClick={() => setOptions(options.filter((_, i) => i !== index))}>
                  {t('scheduling.removeOption', { number: index + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="secondary-button" onClick={() => setOptions([...options, { startsAt: '', endsAt: '' }])}>
            {t('scheduling.addOption')}
          </button>
        </fieldset>
        <button type="submit" disabled={busy}>
          {t('scheduling.createPoll')}
        </button>
      </form>
    </>
  );
}
