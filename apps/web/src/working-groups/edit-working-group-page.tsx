import { useNavigate, useParams } from '@tanstack/react-router';
import { RequestFailed, request } from '../core/client';
import { readFragment } from '../core/graphql';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { WorkingGroupForm } from './working-group-form';
import { EditWorkingGroupPage as EditGroupQuery, GroupCommissionFields, UpdateWorkingGroup } from './working-group-form.operations';

const orgChoice = (o: { id: string; name: string; shortName?: string | null } | null) => (o ? { id: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name } : null);

/** Changes a working group: its parent, chair, organisations, objectives and goals. */
export function EditWorkingGroupPage() {
  const { workingGroupId } = useParams({ strict: false }) as { workingGroupId: string };
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(EditGroupQuery, { id: workingGroupId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const g = query.data.workingGroup;
  if (!readFragment(GroupCommissionFields, g.commission).mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return (
    <>
      <Heading>{t('group.editTitle', { name: g.name })}</Heading>
      <WorkingGroupForm
        commission={g.commission}
        groupId={g.id}
        initial={{
          name: g.name,
          purpose: g.purpose ?? '',
          status: g.status,
          parentId: g.parentId ?? '',
          chair: g.chair ? { id: g.chair.id, label: g.chair.email ? `${g.chair.fullName} (${g.chair.email})` : g.chair.fullName } : null,
          lead: orgChoice(g.leadOrganisation),
          secretariat: orgChoice(g.secretariatOrganisation),
          reportsTo: g.reportsTo ?? '',
          establishedOn: g.establishedOn ?? '',
          holdoverAllowed: g.holdoverAllowed,
          subgroupsAllowed: g.subgroupsAllowed,
          objectiveIds: g.objectives.map((o) => o.id),
          goalIds: g.goals.map((x) => x.id),
        }}
        submitLabel={t('group.save')}
        onSubmit={async (v) => {
          await request(UpdateWorkingGroup, {
            input: {
              id: g.id,
              name: v.name,
              purpose: v.purpose,
              status: v.status,
              parentId: v.parentId || null,
              chairPersonId: v.chair?.id ?? null,
              leadOrganisationId: v.lead?.id ?? null,
              secretariatOrganisationId: v.secretariat?.id ?? null,
              reportsTo: v.reportsTo,
              establishedOn: v.establishedOn || undefined,
              holdoverAllowed: v.holdoverAllowed,
              subgroupsAllowed: v.subgroupsAllowed,
              objectiveIds: v.objectiveIds,
              goalIds: v.goalIds,
            },
          });
          await navigate({ to: '/working-groups/$workingGroupId', params: { workingGroupId: g.id } });
        }}
      />
    </>
  );
}
