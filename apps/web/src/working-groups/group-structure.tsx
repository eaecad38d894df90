import { Link } from '@tanstack/react-router';
import type { ResultOf } from '../core/graphql';
import { useI18n } from '../core/i18n';
import type { WorkingGroupPage } from './working-group-page.operations';

type Group = ResultOf<typeof WorkingGroupPage>['workingGroup'];

/** What the reader may do in the group (libs/access decides; the page only offers it): edit for the secretariat, schedule meetings for it and the chair. */
export function GroupActions({ group: g }: { group: Group }) {
  const { t } = useI18n();
  const { manage, scheduleMeetings } = g.myPermissions;
  if (!manage && !scheduleMeetings) return null;
  return (
    <section aria-labelledby="group-rights" className="panel">
      <h2 id="group-rights">{t('group.yourRights')}</h2>
      <p>{manage ? t('group.rightManage') : t('group.rightChair')}</p>
      <ul className="actions">
        {manage && (
          <li>
            <Link to="/working-groups/$workingGroupId/edit" params={{ workingGroupId: g.id }}>
              {t('group.edit')}
            </Link>
          </li>
        )}
        {manage && g.subgroupsAllowed && (
          <li>
            <Link to="/commissions/$commissionId/working-groups/new" params={{ commissionId: g.commission.id }}>
              {t('commission.newGroup')}
            </Link>
          </li>
        )}
        {scheduleMeetings && (
          <li>
            <Link to="/working-groups/$workingGroupId/meetings/new" params={{ workingGroupId: g.id }}>
              {t('group.scheduleMeeting')}
            </Link>
          </li>
        )}
        {scheduleMeetings && (
          <li>
            <Link to="/working-groups/$workingGroupId/date-polls/new" params={{ workingGroupId: g.id }}>
              {t('scheduling.newPollLink')}
            </Link>
          </li>
        )}
      </ul>
    </section>
  );
}

/** The group's place in the structure: parent, sub-groups, lead and secretariat organisations, whom it reports to (inside the facts list). */
export function GroupFacts({ group: g }: { group: Group }) {
  const { t } = useI18n();
  return (
    <>
      {g.parent && (
        <>
          <dt>{t('group.parentGroup')}</dt>
          <dd>
            <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: g.parent.id }}>
              {g.parent.name}
            </Link>
          </dd>
        </>
      )}
      {g.leadOrganisation && (
        <>
          <dt>{t('group.lead')}</dt>
          <dd>{g.leadOrganisation.name}</dd>
        </>
      )}
      {g.secretariatOrganisation && (
        <>
          <dt>{t('group.secretariat')}</dt>
          <dd>{g.secretariatOrganisation.name}</dd>
        </>
      )}
      {g.reportsTo && (
        <>
          <dt>{t('group.reportsTo')}</dt>
          <dd>{g.reportsTo}</dd>
        </>
      )}
      {g.subgroups.length > 0 && (
        <>
          <dt>{t('group.subgroups')}</dt>
          <dd>
            <ul className="inline-list">
              {g.subgroups.map((s) => (
                <li key={s.id}>
                  <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: s.id }}>
                    {s.name}
                  </Link>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </>
  );
}

/** The objectives of the mandate the group works on and the strategy goals it pursues. */
export function GroupMandate({ group: g }: { group: Group }) {
  const { t } = useI18n();
  return (
    <>
      {g.objectives.length > 0 && (
        <section aria-labelledby="group-objectives">
          <h2 id="group-objectives">{t('commission.objectives')}</h2>
          <ul className="items">
            {g.objectives.map((o) => (
              <li key={o.id}>
                <strong>{o.letter})</strong> {o.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {g.goals.length > 0 && (
        <section aria-labelledby="group-goals">
          <h2 id="group-goals">{t('strategy.goals')}</h2>
          <ul className="items">
            {g.goals.map((goal) => (
              <li key={goal.id}>
                <Link to="/strategies/$strategyId" params={{ strategyId: goal.strategyId }} hash={`goal-${goal.code}`}>
                  {goal.code}
                </Link>{' '}
                {goal.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
