import { Link, useParams } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { CommissionPage as CommissionQuery } from './commission-page.operations';
import { RegisterLinks } from './register-links';

/** A commission, read-only: its terms of reference, deadline and working groups. */
export function CommissionPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, date } = useI18n();
  const query = useQuery(CommissionQuery, { id: commissionId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const c = query.data.commission;
  const objectives = c.objectives.filter((o) => !o.withdrawnByAmendmentId);
  return (
    <>
      <Heading>{c.title}</Heading>
      <dl className="facts">
        {c.referenceNumber && (
          <>
            <dt>{t('commission.reference')}</dt>
            <dd>{c.referenceNumber}</dd>
          </>
        )}
        <dt>{t('commission.status')}</dt>
        <dd>{t(`commission.${c.status}`)}</dd>
        <dt>{t('commission.starts')}</dt>
        <dd>{date(`${c.startsOn}T12:00:00Z`)}</dd>
        {c.reportingDeadline && (
          <>
            <dt>{t('commission.deadline')}</dt>
            <dd>{date(`${c.reportingDeadline}T12:00:00Z`)}</dd>
          </>
        )}
      </dl>
      <RegisterLinks commissionId={c.id} roles={c.myRoles} />
      {c.description && <p className="prewrap">{c.description}</p>}
      {objectives.length > 0 && (
        <section aria-labelledby="objectives">
          <h2 id="objectives">{t('commission.objectives')}</h2>
          <ul className="items">
            {objectives.map((o) => (
              <li key={o.id}>
                <strong>{o.letter})</strong> {o.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="groups">
        <h2 id="groups">{t('commission.groups')}</h2>
        <ul className="items">
          {c.groups.map((g) => (
            <li key={g.id}>
              <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: g.id }}>
                {g.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
