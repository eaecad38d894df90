import { Link } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { CommissionListPage as ListQuery } from './commission-list-page.operations';

/** The commissions one has a part in (all, for administrators), and the way to set up a new one for those who may. */
export function CommissionListPage() {
  const { t, date } = useI18n();
  const query = useQuery(ListQuery, {});
  useViewerFrom(query.status === 'done' ? query.data.me.person : null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const commissions = query.data.commissionList.edges.map((e) => e.node);
  return (
    <>
      <Heading>{t('commission.listTitle')}</Heading>
      {query.data.mayCreateCommission && (
        <>
          <p>
            <Link to="/commissions/new" className="button-link">
              {t('commission.new')}
            </Link>
          </p>
          {/* The register a new commission draws on: before the first commission, the only way to it. */}
          <nav aria-label={t('stakeholders.registerNav')}>
            <ul className="items">
              <li>
                <Link to="/people">{t('people.title')}</Link>
              </li>
              <li>
                <Link to="/organisations">{t('organisations.title')}</Link>
              </li>
            </ul>
          </nav>
        </>
      )}
      {commissions.length === 0 ? (
        <p className="secondary">{t('commission.none')}</p>
      ) : (
        <ul className="items">
          {commissions.map((c) => (
            <li key={c.id}>
              <Link to="/commissions/$commissionId" params={{ commissionId: c.id }}>
                {c.title}
              </Link>{' '}
              <span className="secondary">
                ({[t(`commission.${c.status}`), ...c.myRoles.filter((r) => r !== 'MEMBER').map((r) => t(`commission.ROLE_${r}`)), c.reportingDeadline ? `${t('commission.deadline')}: ${date(`${c.reportingDeadline}T12:00:00Z`)}` : null]
                  .filter(Boolean)
                  .join('; ')}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
