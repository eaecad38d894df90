import { Link, useParams } from '@tanstack/react-router';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import type { ResultOf } from '../core/graphql';
import { CommissionLinks } from '../reports/commission-links';
import { CommissionPage as CommissionQuery } from './commission-page.operations';
import { RegisterLinks } from './register-links';

type Group = ResultOf<typeof CommissionQuery>['commission']['groups'][number];

/** The groups under `parentId`, each with its own sub-groups nested below it. */
function GroupTree({ groups, parentId, label }: { groups: Group[]; parentId: string | null; label?: string }) {
  const { t } = useI18n();
  const level = groups.filter((g) => g.parentId === parentId);
  if (level.length === 0) return null;
  return (
    <ul className="items tree" aria-label={label}>
      {level.map((g) => (
        <li key={g.id}>
          <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: g.id }}>
            {g.name}
          </Link>{' '}
          <span className="secondary">
            ({t(`group.${g.status}`)}
            {g.chair ? `; ${t('group.chair').toLocaleLowerCase()}: ${g.chair.displayName}` : ''})
          </span>
          <GroupTree groups={groups} parentId={g.id} label={t('commission.subgroupsOf', { name: g.name })} />
        </li>
      ))}
    </ul>
  );
}

/** A commission: its mandate (objectives, deadline, amendments), the people, and the tree of its working groups; for the secretariat the ways to change them. */
export function CommissionPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, date } = useI18n();
  const query = useQuery(CommissionQuery, { id: commissionId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const c = query.data.commission;
  const day = (iso: string | null) => (iso ? date(`${iso}T12:00:00Z`) : t('commission.noDeadline'));
  const lettersBy = (pick: (o: (typeof c.objectives)[number]) => string | null, amendmentId: string) =>
    c.objectives
      .filter((o) => pick(o) === amendmentId)
      .map((o) => o.letter)
      .join(', ');
  const byRole = (role: string) => c.roles.filter((r) => r.role === role);
  return (
    <>
      <Heading>{c.title}</Heading>
      {c.mayManage && (
        <ul className="actions" aria-label={t('commission.edit')}>
          <li>
            <Link to="/commissions/$commissionId/edit" params={{ commissionId: c.id }}>
              {t('commission.edit')}
            </Link>
          </li>
          <li>
            <Link to="/commissions/$commissionId/amend" params={{ commissionId: c.id }}>
              {t('commission.amend')}
            </Link>
          </li>
          <li>
            <Link to="/commissions/$commissionId/working-groups/new" params={{ commissionId: c.id }}>
              {t('commission.newGroup')}
            </Link>
          </li>
        </ul>
      )}
      <CommissionLinks commissionId={c.id} roles={c.myRoles} mayManage={c.mayManage} />
      <p>
        <Link to="/commissions/$commissionId/deliverables" params={{ commissionId: c.id }}>
          {t('deliverables.link')}
        </Link>
      </p>
      <dl className="facts">
        <dt>{t('commission.kind')}</dt>
        <dd>{t(`commission.KIND_${c.kind}`)}</dd>
        <dt>{t('commission.body')}</dt>
        <dd>{c.commissioningBody.name}</dd>
        <dt>{t('commission.lead')}</dt>
        <dd>{c.leadOrganisation.name}</dd>
        {c.partners.length > 0 && (
          <>
            <dt>{t('commission.partners')}</dt>
            <dd>{c.partners.map((p) => p.name).join(', ')}</dd>
          </>
        )}
        {c.referenceNumber && (
          <>
            <dt>{t('commission.reference')}</dt>
            <dd>{c.referenceNumber}</dd>
          </>
        )}
        <dt>{t('commission.status')}</dt>
        <dd>{t(`commission.${c.status}`)}</dd>
        <dt>{t('commission.starts')}</dt>
        <dd>{day(c.startsOn)}</dd>
        {c.reportingDeadline && (
          <>
            <dt>{t('commission.deadline')}</dt>
            <dd>{day(c.reportingDeadline)}</dd>
          </>
        )}
        <dt>{t('commission.cadence')}</dt>
        <dd>{t(`commission.CADENCE_${c.reportCadence}`)}</dd>
        {c.strategy && (
          <>
            <dt>{t('commission.strategy')}</dt>
            <dd>
              <Link to="/strategies/$strategyId" params={{ strategyId: c.strategy.id }}>
                {c.strategy.title}
              </Link>
            </dd>
          </>
        )}
        {(['SECRETARIAT', 'COMMISSIONER', 'OBSERVER'] as const).map(
          (role) =>
            byRole(role).length > 0 && (
              <div key={role} className="facts-row">
                <dt>{t(`commission.ROLE_${role}`)}</dt>
                <dd>{byRole(role).map((r) => r.person.displayName).join(', ')}</dd>
              </div>
            ),
        )}
      </dl>
      <RegisterLinks commissionId={c.id} roles={c.myRoles} />
      {c.description && <p className="prewrap">{c.description}</p>}
      <section aria-labelledby="objectives">
        <h2 id="objectives">{t('commission.objectives')}</h2>
        <ul className="items objectives">
          {c.objectives.map((o) => (
            <li key={o.id} className={o.withdrawnByAmendmentId ? 'withdrawn' : undefined}>
              <strong>{o.letter})</strong> {o.withdrawnByAmendmentId ? <del>{o.text}</del> : o.text}
              {o.withdrawnByAmendmentId && <span className="secondary"> {t('commission.withdrawnMark')}</span>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="groups">
        <h2 id="groups">{t('commission.groups')}</h2>
        {c.groups.length === 0 ? <p className="secondary">{t('commission.noGroups')}</p> : <GroupTree groups={c.groups} parentId={null} />}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">{t('commission.history')}</h2>
        {c.amendments.length === 0 ? (
          <p className="secondary">{t('commission.noAmendments')}</p>
        ) : (
          <ol className="items history">
            {c.amendments.map((a) => {
              const added = lettersBy((o) => o.addedByAmendmentId, a.id);
              const withdrawn = lettersBy((o) => o.withdrawnByAmendmentId, a.id);
              return (
                <li key={a.id}>
                  <strong>{t('commission.amendment', { date: day(a.decidedOn) })}</strong>
                  {a.referenceNumber && <span className="secondary"> ({a.referenceNumber})</span>}
                  <p className="prewrap">{a.reason}</p>
                  <ul>
                    {a.newDeadline && <li>{t('commission.deadlineMoved', { from: day(a.previousDeadline), to: day(a.newDeadline) })}</li>}
                    {added && <li>{t('commission.objectivesAdded', { letters: added })}</li>}
                    {withdrawn && <li>{t('commission.objectivesWithdrawn', { letters: withdrawn })}</li>}
                  </ul>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </>
  );
}
