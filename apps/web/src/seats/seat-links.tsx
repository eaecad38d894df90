import { Link } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';

/** From a working group to its seat grid, for those who may see it (the secretariat and the commissioners; admins). */
export function SeatLinks({ workingGroupId, roles, isAdmin }: { workingGroupId: string; roles: readonly string[]; isAdmin?: boolean }) {
  const { t } = useI18n();
  if (!isAdmin && !roles.some((r) => r === 'SECRETARIAT' || r === 'COMMISSIONER')) return null;
  return (
    <p>
      <Link to="/working-groups/$workingGroupId/seats" params={{ workingGroupId }}>
        {t('seats.gridLink')}
      </Link>
    </p>
  );
}
