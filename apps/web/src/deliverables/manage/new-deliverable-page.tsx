import { useNavigate, useParams } from '@tanstack/react-router';
import { RequestFailed, request } from '../../core/client';
import { readFragment } from '../../core/graphql';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { DeliverableForm, EMPTY_DELIVERABLE } from './deliverable-form';
import { CreateDeliverable, DeliverableCommissionFields, NewDeliverablePage as NewDeliverableQuery } from './deliverable-form.operations';
import './deliverables.css';

/** The secretariat adds a deliverable to a commission; then its page opens. */
export function NewDeliverablePage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(NewDeliverableQuery, { id: commissionId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const commission = readFragment(DeliverableCommissionFields, query.data.commission);
  if (!commission.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return (
    <>
      <Heading>{t('deliverables.newTitle', { commission: commission.title })}</Heading>
      <DeliverableForm
        commission={query.data.commission}
        initial={EMPTY_DELIVERABLE}
        editing={false}
        submitLabel={t('deliverables.form.create')}
        onSubmit={async (v) => {
          const { createDeliverable } = await request(CreateDeliverable, {
            input: {
              commissionId,
              title: v.title.trim(),
              description: v.description.trim() || undefined,
              kind: v.kind,
              dueOn: v.dueOn,
              workingGroupId: v.workingGroupId || undefined,
              responsiblePersonId: v.responsible?.id,
              goalIds: v.goalIds,
              objectiveIds: v.objectiveIds,
            },
          });
          await navigate({ to: '/deliverables/$deliverableId', params: { deliverableId: createDeliverable.id } });
        }}
      />
    </>
  );
}
