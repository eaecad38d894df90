import { Link } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';

/** The secretariat's way to the register pages of a commission (commissioners read the stakeholders). */
export function RegisterLinks({ commissionId, roles }: { commissionId: string; roles: readonly string[] }) {
  const { t } = useI18n();
  const manages = roles.includes('SECRETARIAT');
  if (!manages && !roles.includes('COMMISSIONER')) return null;
  return (
    <nav aria-label={t('stakeholders.registerNav')}>
      <ul className="items">
        <li>
          <Link to="/commissions/$commissionId/stakeholders" params={{ commissionId }}>
            {t('stakeholders.register')}
          </Link>
        </li>
        {manages && (
          <>
            <li>
              <Link to="/commissions/$commissionId/audit" params={{ commissionId }}>
                {t('audit.link')}
              </Link>
            </li>
            <PeopleAndOrganisations />
          </>
        )}
      </ul>
    </nav>
  );
}

/** The two registers every commission draws on, as list items: people and organisations. */
export function PeopleAndOrganisations() {
  const { t } = useI18n();
  return (
    <>
      <li>
        <Link to="/people">{t('people.title')}</Link>
      </li>
      <li>
        <Link to="/organisations">{t('organisations.title')}</Link>
      </li>
    </>
  );
}
