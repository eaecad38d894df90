import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, FieldProblem, described, useProblems } from '../core/form';
import { useI18n } from '../core/i18n';
import { TimeZoneField } from '../core/time-zone-field';
import { useQuery } from '../core/use-query';
import { NewMeetingPage as NewMeetingQuery, ScheduleMeeting } from './new-meeting-page.operations';
import { ForGroupScheduler, GroupScheduleHeading, MeetingKindField, type MeetingKind } from './schedule-fields';

/**
 * Schedules a meeting of a working group: the secretariat, or the group's chair
 * (libs/access `GroupAction` 'schedule'). The members are invited and mailed.
 */
export function NewMeetingPage() {
  const { workingGroupId } = useParams({ strict: false }) as { workingGroupId: string };
  const query = useQuery(NewMeetingQuery, { id: workingGroupId });
  return <ForGroupScheduler query={query}>{(g) => <MeetingForm group={g} />}</ForGroupScheduler>;
}

function MeetingForm({ group: g }: { group: { id: string; name: string; commission: { timeZone: string } } }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { errors, fail, summary } = useProblems();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>('MEETING');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [timeZone, setTimeZone] = useState(g.commission.timeZone);
  const [place, setPlace] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [inviteMembers, setInviteMembers] = useState(true);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const { createMeeting } = await request(ScheduleMeeting, {
        input: {
          workingGroupId: g.id,
          title,
          kind,
          startsAt,
          endsAt,
          timeZone,
          place: place.trim() || undefined,
          onlineUrl: onlineUrl.trim() || undefined,
          inviteMembers,
        },
      });
      await navigate({ to: '/meetings/$meetingId', params: { meetingId: createMeeting.meeting.id } });
    } catch (error) {
      fail(error, 'title');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <GroupScheduleHeading group={g}>{t('schedule.title', { group: g.name })}</GroupScheduleHeading>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="title">{t('schedule.meetingTitle')}</label>
        <input id="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} {...described('title', errors)} />
        <FieldProblem id="title" errors={errors} />
        <MeetingKindField value={kind} onChange={setKind} />
        <label htmlFor="startsAt">{t('schedule.startsAt')}</label>
        <input id="startsAt" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} {...described('startsAt', errors)} />
        <FieldProblem id="startsAt" errors={errors} />
        <label htmlFor="endsAt">{t('schedule.endsAt')}</label>
        <input id="endsAt" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} {...described('endsAt', errors)} />
        <FieldProblem id="endsAt" errors={errors} />
        <TimeZoneField value={timeZone} onChange={setTimeZone} errors={errors} />
        <label htmlFor="place">{t('meeting.place')}</label>
        <input id="place" type="text" value={place} onChange={(e) => setPlace(e.target.value)} {...described('place', errors)} />
        <FieldProblem id="place" errors={errors} />
        <label htmlFor="onlineUrl">{t('schedule.onlineUrl')}</label>
        <input id="onlineUrl" type="url" value={onlineUrl} onChange={(e) => setOnlineUrl(e.target.value)} {...described('onlineUrl', errors)} />
        <FieldProblem id="onlineUrl" errors={errors} />
        <label className="choice">
          <input type="checkbox" id="inviteMembers" checked={inviteMembers} onChange={(e) => setInviteMembers(e.target.checked)} />
          {t('schedule.inviteMembers')}
        </label>
        <button type="submit" disabled={busy}>
          {t('schedule.create')}
        </button>
      </form>
    </>
  );
}
