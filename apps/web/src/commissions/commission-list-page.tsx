import { Link } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { useViewerFrom } from '../core/use-viewer';
import { CommissionListPage as ListQuery } from './commission-list-page.operations';
import { PeopleAndOrganisations } from './register-links';

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
              <PeopleAndOrganisations />
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
      {(query.data.strategies.length > 0 || query.data.mayEditStrategies) && (
        <section aria-labelledby="strategies">
          <h2 id="strategies">{t('strategy.listTitle')}</h2>
          {query.data.mayEditStrategies && (
            <p>
              <Link to="/strategies/new" className="button-link">
                {t('strategy.new')}
              </Link>
            </p>
          )}
          <ul className="items">
            {query.data.strategies.map((s) => (
              <li key={s.id}>
                <Link to="/strategies/$strategyId" params={{ strategyId: s.id }}>
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
