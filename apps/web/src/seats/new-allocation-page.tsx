import { Link, useNavigate, useParams } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, FieldProblem, described } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { CreateAllocation, NewAllocationPage as NewAllocationQuery } from './allocation-page.operations';
import { Picker, useFormState } from './forms';
import './seats.css';

const ROLES = ['MEMBER', 'CHAIR', 'EXPERT', 'OBSERVER'] as const;

const optionalInt = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? undefined : Number(value));
const optionalText = (value: FormDataEntryValue | null) => (value === null || String(value).trim() === '' ? undefined : String(value).trim());

/** A new seat allocation in a group: organisation, nominating body, seat count, role, the § 9 pair rule, term rules. */
export function NewAllocationPage() {
  const { workingGroupId } = useParams({ strict: false }) as { workingGroupId: string };
  const { t } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(NewAllocationQuery, { id: workingGroupId });
  const form = useFormState();
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const g = query.data.workingGroup;
  // Only those who manage the commission add seats (the API refuses the others too).
  if (!g.commission.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    let id = '';
    const done = await form.run('alloc', 'alloc-organisationId', t('app.offline'), async () => {
      const created = await request(CreateAllocation, {
        input: {
          workingGroupId: g.id,
          organisationId: String(data.get('alloc-organisationId') ?? ''),
          nominatingOrganisationId: optionalText(data.get('alloc-nominatingOrganisationId')),
          seatCount: Number(data.get('alloc-seatCount')),
          role: String(data.get('alloc-role')) as (typeof ROLES)[number],
          requiredPerspective: optionalText(data.get('alloc-requiredPerspective')),
          requiresGenderPair: data.has('alloc-requiresGenderPair'),
          termMonths: optionalInt(data.get('alloc-termMonths')),
          maxConsecutiveTerms: optionalInt(data.get('alloc-maxConsecutiveTerms')),
          notes: optionalText(data.get('alloc-notes')),
        },
      });
      id = created.createSeatAllocation.id;
    });
    if (done) await navigate({ to: '/working-groups/$workingGroupId/allocations/$allocationId', params: { workingGroupId: g.id, allocationId: id } });
  }

  const e = form.errors;
  return (
    <div className="seat-page narrow">
      <Heading>{t('seats.newAllocationTitle')}</Heading>
      <p>
        <Link to="/working-groups/$workingGroupId/seats" params={{ workingGroupId: g.id }}>
          {t('seats.backToGrid', { group: g.name })}
        </Link>
      </p>
      <ErrorSummary ref={form.summary} errors={e} />
      <form className="stack" onSubmit={create} noValidate>
        <Picker id="alloc-organisationId" label={t('seats.organisation')} kind="organisation" errors={e} />
        <Picker id="alloc-nominatingOrganisationId" label={t('seats.nominatingBody')} kind="organisation" optional={t('seats.sameOrganisation')} errors={e} />
        <label htmlFor="alloc-seatCount">{t('seats.seatCount')}</label>
        <input id="alloc-seatCount" name="alloc-seatCount" type="number" min={1} max={500} defaultValue={1} required {...described('alloc-seatCount', e)} />
        <FieldProblem id="alloc-seatCount" errors={e} />
        <label htmlFor="alloc-role">{t('seats.role')}</label>
        <select id="alloc-role" name="alloc-role" defaultValue="MEMBER">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`seats.role.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor="alloc-requiredPerspective">{t('seats.requiredPerspective')}</label>
        <input id="alloc-requiredPerspective" name="alloc-requiredPerspective" type="text" {...described('alloc-requiredPerspective', e)} />
        <FieldProblem id="alloc-requiredPerspective" errors={e} />
        <label className="choice">
          <input id="alloc-requiresGenderPair" name="alloc-requiresGenderPair" type="checkbox" defaultChecked />
          {t('seats.requiresGenderPair')}
        </label>
        <label htmlFor="alloc-termMonths">{t('seats.termMonths')}</label>
        <input id="alloc-termMonths" name="alloc-termMonths" type="number" min={1} max={240} {...described('alloc-termMonths', e)} />
        <FieldProblem id="alloc-termMonths" errors={e} />
        <label htmlFor="alloc-maxConsecutiveTerms">{t('seats.maxConsecutiveTerms')}</label>
        <input id="alloc-maxConsecutiveTerms" name="alloc-maxConsecutiveTerms" type="number" min={1} max={50} {...described('alloc-maxConsecutiveTerms', e)} />
        <FieldProblem id="alloc-maxConsecutiveTerms" errors={e} />
        <label htmlFor="alloc-notes">{t('seats.notes')}</label>
        <textarea id="alloc-notes" name="alloc-notes" {...described('alloc-notes', e)} />
        <FieldProblem id="alloc-notes" errors={e} />
        <button type="submit" disabled={form.busy}>
          {t('seats.createAllocation')}
        </button>
      </form>
    </div>
  );
}
