import { Link } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';

/**
 * The ways between the pages that plan one meeting (the meeting, its invitations,
 * its agenda), in that order, leaving out the page they stand on.
 */
export function ScheduleLinks({ meeting, current }: { meeting: { id: string; title: string }; current: 'meeting' | 'invitations' | 'agenda' }) {
  const { t } = useI18n();
  const params = { meetingId: meeting.id };
  return (
    <ul className="actions">
      {current !== 'meeting' && (
        <li>
          <Link to="/meetings/$meetingId" params={params}>
            {meeting.title}
          </Link>
        </li>
      )}
      {current !== 'invitations' && (
        <li>
          <Link to="/meetings/$meetingId/invitations" params={params}>
            {t('scheduling.invitationsLink')}
          </Link>
        </li>
      )}
      {current !== 'agenda' && (
        <li>
          <Link to="/meetings/$meetingId/agenda" params={params}>
            {t('scheduling.agendaLink')}
          </Link>
        </li>
      )}
    </ul>
  );
}
