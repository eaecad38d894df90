import { useNavigate, useParams } from '@tanstack/react-router';
import { RequestFailed, request } from '../core/client';
import { readFragment } from '../core/graphql';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { WorkingGroupForm, EMPTY_GROUP } from './working-group-form';
import { CreateWorkingGroup, GroupCommissionFields, NewWorkingGroupPage as NewGroupQuery } from './working-group-form.operations';

/** Sets up a working group (or a sub-group) of a commission; then opens the group's page. */
export function NewWorkingGroupPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(NewGroupQuery, { id: commissionId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const commission = readFragment(GroupCommissionFields, query.data.commission);
  if (!commission.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return (
    <>
      <Heading>{t('group.newTitle', { commission: commission.title })}</Heading>
      <WorkingGroupForm
        commission={query.data.commission}
        initial={EMPTY_GROUP}
        submitLabel={t('group.create')}
        onSubmit={async (v) => {
          const { createWorkingGroup } = await request(CreateWorkingGroup, {
            input: {
              commissionId,
              name: v.name,
              purpose: v.purpose.trim() || undefined,
              status: v.status,
              parentId: v.parentId || undefined,
              chairPersonId: v.chair?.id,
              leadOrganisationId: v.lead?.id,
              secretariatOrganisationId: v.secretariat?.id,
              reportsTo: v.reportsTo.trim() || undefined,
              establishedOn: v.establishedOn || undefined,
              holdoverAllowed: v.holdoverAllowed,
              subgroupsAllowed: v.subgroupsAllowed,
              objectiveIds: v.objectiveIds,
              goalIds: v.goalIds,
            },
          });
          await navigate({ to: '/working-groups/$workingGroupId', params: { workingGroupId: createWorkingGroup.id } });
        }}
      />
    </>
  );
}
