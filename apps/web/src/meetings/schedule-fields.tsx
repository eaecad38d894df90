import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { RequestFailed } from '../core/client';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import type { QueryState } from '../core/use-query';

export const MEETING_KINDS = ['MEETING', 'WORKSHOP', 'WEBINAR', 'DIALOGUE'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

interface GroupToSchedule {
  id: string;
  name: string;
  myPermissions: { scheduleMeetings: boolean };
}

/**
 * The load of a page that schedules for a working group (a meeting, a date poll):
 * loading, failure, and "forbidden" unless the reader may schedule the group's
 * meetings (the secretariat, or the group's chair: libs/access `GroupAction`
 * 'schedule'); then the page's form for the group.
 */
export function ForGroupScheduler<Group extends GroupToSchedule>({ query, children }: { query: QueryState<{ workingGroup: Group }> & { reload(): void }; children(group: Group): ReactNode }) {
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const g = query.data.workingGroup;
  if (!g.myPermissions.scheduleMeetings) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return <>{children(g)}</>;
}

/** A scheduling page's heading, with the way back to its group. */
export function GroupScheduleHeading({ group, children }: { group: { id: string; name: string }; children: string }) {
  return (
    <>
      <Heading>{children}</Heading>
      <p>
        <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: group.id }}>
          {group.name}
        </Link>
      </p>
    </>
  );
}

/** The kind of meeting (#kind): meeting, workshop, webinar or dialogue. */
export function MeetingKindField({ value, onChange }: { value: MeetingKind; onChange(kind: MeetingKind): void }) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor="kind">{t('schedule.kind')}</label>
      <select id="kind" value={value} onChange={(e) => onChange(e.target.value as MeetingKind)}>
        {MEETING_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`schedule.${k}`)}
          </option>
        ))}
      </select>
    </>
  );
}
