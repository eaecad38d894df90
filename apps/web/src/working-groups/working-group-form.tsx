import { useState, type FormEvent } from 'react';
import { AimChecks } from '../core/aim-checks';
import { ErrorSummary, FieldProblem, described, useProblems } from '../core/form';
import { readFragment, type FragmentOf } from '../core/graphql';
import { useI18n } from '../core/i18n';
import { Picker, type Choice } from '../core/pickers';
import { GroupCommissionFields } from './working-group-form.operations';

export const STATUSES = ['FORMING', 'ACTIVE', 'CONCLUDED'] as const;

export interface GroupValues {
  name: string;
  purpose: string;
  status: (typeof STATUSES)[number];
  parentId: string;
  chair: Choice | null;
  lead: Choice | null;
  secretariat: Choice | null;
  reportsTo: string;
  establishedOn: string;
  holdoverAllowed: boolean;
  subgroupsAllowed: boolean;
  objectiveIds: string[];
  goalIds: string[];
}

export const EMPTY_GROUP: GroupValues = {
  name: '',
  purpose: '',
  status: 'FORMING',
  parentId: '',
  chair: null,
  lead: null,
  secretariat: null,
  reportsTo: '',
  establishedOn: '',
  holdoverAllowed: true,
  subgroupsAllowed: true,
  objectiveIds: [],
  goalIds: [],
};

/**
 * A working group's form (new and edit): name, purpose, parent group (a sub-group),
 * chair, lead and secretariat organisation, the objectives and strategy goals it
 * pursues. What is typed stays when the server refuses; each problem shows at its field.
 */
export function WorkingGroupForm({
  commission: commissionRef,
  initial,
  groupId,
  submitLabel,
  onSubmit,
}: {
  commission: FragmentOf<typeof GroupCommissionFields>;
  initial: GroupValues;
  /** The group being edited: it and its sub-groups cannot become its parent. */
  groupId?: string;
  submitLabel: string;
  onSubmit(values: GroupValues): Promise<void>;
}) {
  const { t } = useI18n();
  const commission = readFragment(GroupCommissionFields, commissionRef);
  const { errors, fail, summary, setErrors } = useProblems();
  const [v, setV] = useState<GroupValues>(initial);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof GroupValues>(key: K, value: GroupValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const toggle = (key: 'objectiveIds' | 'goalIds', id: string, on: boolean) => set(key, on ? [...v[key], id] : v[key].filter((x) => x !== id));

  // A group cannot sit under itself or its own sub-groups.
  const below = new Set<string>(groupId ? [groupId] : []);
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of commission.groups) {
      if (g.parentId && below.has(g.parentId) && !below.has(g.id)) {
        below.add(g.id);
        grew = true;
      }
    }
  }
  const parents = commission.groups.filter((g) => !below.has(g.id) && (g.subgroupsAllowed || g.id === initial.parentId));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      await onSubmit(v);
      setErrors([]);
    } catch (error) {
      fail(error, 'name');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="name">{t('group.name')}</label>
        <input id="name" type="text" value={v.name} onChange={(e) => set('name', e.target.value)} {...described('name', errors)} />
        <FieldProblem id="name" errors={errors} />

        <label htmlFor="purpose">{t('group.purpose')}</label>
        <textarea id="purpose" value={v.purpose} onChange={(e) => set('purpose', e.target.value)} {...described('purpose', errors)} />
        <FieldProblem id="purpose" errors={errors} />

        <label htmlFor="status">{t('group.status')}</label>
        <select id="status" value={v.status} onChange={(e) => set('status', e.target.value as GroupValues['status'])}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`group.${s}`)}
            </option>
          ))}
        </select>

        <label htmlFor="parentId">{t('group.parent')}</label>
        <select id="parentId" value={v.parentId} onChange={(e) => set('parentId', e.target.value)} {...described('parentId', errors)}>
          <option value="">{t('group.noParent')}</option>
          {parents.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <FieldProblem id="parentId" errors={errors} />

        <Picker id="chairPersonId" label={t('group.chair')} kind="person" value={v.chair} onChange={(c) => set('chair', c)} errors={errors} />
        <Picker id="leadOrganisationId" label={t('group.lead')} kind="organisation" value={v.lead} onChange={(c) => set('lead', c)} errors={errors} />
        <Picker id="secretariatOrganisationId" label={t('group.secretariat')} kind="organisation" value={v.secretariat} onChange={(c) => set('secretariat', c)} errors={errors} />

        <label htmlFor="reportsTo">{t('group.reportsTo')}</label>
        <input id="reportsTo" type="text" value={v.reportsTo} onChange={(e) => set('reportsTo', e.target.value)} {...described('reportsTo', errors)} />
        <FieldProblem id="reportsTo" errors={errors} />

        <label htmlFor="establishedOn">{t('group.establishedOn')}</label>
        <input id="establishedOn" type="date" value={v.establishedOn} onChange={(e) => set('establishedOn', e.target.value)} {...described('establishedOn', errors)} />
        <FieldProblem id="establishedOn" errors={errors} />

        <div className="checks">
          <label className="choice">
            <input type="checkbox" id="subgroupsAllowed" checked={v.subgroupsAllowed} onChange={(e) => set('subgroupsAllowed', e.target.checked)} />
            {t('group.subgroupsAllowed')}
          </label>
          <label className="choice">
            <input type="checkbox" id="holdoverAllowed" checked={v.holdoverAllowed} onChange={(e) => set('holdoverAllowed', e.target.checked)} />
            {t('group.holdoverAllowed')}
          </label>
        </div>

        <AimChecks
          commission={commission}
          chosen={v}
          legends={{ objectives: t('group.objectives'), goals: (strategy) => t('group.goals', { strategy }) }}
          onToggle={toggle}
          errors={errors}
        />

        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
