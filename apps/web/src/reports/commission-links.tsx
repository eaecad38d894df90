import { Link } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';

/** On a commission's page: its overview and status reports for those who oversee it; the publication choice and the mail log for its secretariat. */
export function CommissionLinks({ commissionId, roles, mayManage }: { commissionId: string; roles: readonly string[]; mayManage: boolean }) {
  const { t } = useI18n();
  const manages = mayManage || roles.includes('SECRETARIAT');
  if (!manages && !roles.includes('COMMISSIONER')) return null;
  return (
    <ul className="items">
      <li>
        <Link to="/commissions/$commissionId/overview" params={{ commissionId }}>
          {t('reports.overview.link')}
        </Link>
      </li>
      <li>
        <Link to="/commissions/$commissionId/status-reports" params={{ commissionId }}>
          {t('reports.list.link')}
        </Link>
      </li>
      {manages && (
        <li>
          <Link to="/commissions/$commissionId/publication" params={{ commissionId }}>
            {t('public.settings.link')}
          </Link>
        </li>
      )}
      {manages && (
        <li>
          <Link to="/commissions/$commissionId/mail" params={{ commissionId }}>
            {t('mail.log.link')}
          </Link>
        </li>
      )}
    </ul>
  );
}
