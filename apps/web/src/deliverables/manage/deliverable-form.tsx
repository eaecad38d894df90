import { useState, type FormEvent } from 'react';
import { AimChecks } from '../../core/aim-checks';
import { ErrorSummary, FieldProblem, described, useProblems, type FieldError } from '../../core/form';
import { readFragment, type FragmentOf } from '../../core/graphql';
import { useI18n } from '../../core/i18n';
import { Picker, type Choice } from '../../core/pickers';
import { DeliverableCommissionFields } from './deliverable-form.operations';

export const KINDS = ['REPORT', 'INTERIM_REPORT', 'FINAL_REPORT', 'MEMO', 'PROPOSAL', 'DATASET', 'EVENT'] as const;
export type Kind = (typeof KINDS)[number];

export interface DeliverableValues {
  title: string;
  description: string;
  kind: Kind;
  /** Only when creating: afterwards the due date changes with a reason (the deadline form). */
  dueOn: string;
  workingGroupId: string;
  responsible: Choice | null;
  goalIds: string[];
  objectiveIds: string[];
  publishedUrl: string;
}

export const EMPTY_DELIVERABLE: DeliverableValues = {
  title: '',
  description: '',
  kind: 'REPORT',
  dueOn: '',
  workingGroupId: '',
  responsible: null,
  goalIds: [],
  objectiveIds: [],
  publishedUrl: '',
};

/**
 * A deliverable's form (new and edit): title, description, kind, due date (new
 * only), the group that owes it, the responsible person, the goals and objectives
 * it serves. Missing title or date are said at their fields before anything is
 * sent; what the server refuses shows at its field, and what was typed stays.
 */
export function DeliverableForm({
  commission: commissionRef,
  initial,
  editing,
  submitLabel,
  onSubmit,
}: {
  commission: FragmentOf<typeof DeliverableCommissionFields>;
  initial: DeliverableValues;
  editing: boolean;
  submitLabel: string;
  onSubmit(values: DeliverableValues): Promise<void>;
}) {
  const { t } = useI18n();
  const commission = readFragment(DeliverableCommissionFields, commissionRef);
  const { errors, fail, summary, setErrors } = useProblems();
  const [v, setV] = useState<DeliverableValues>(initial);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof DeliverableValues>(key: K, value: DeliverableValues[K]) => {
    setSaved(false);
    setV((old) => ({ ...old, [key]: value }));
  };
  const toggle = (key: 'objectiveIds' | 'goalIds', id: string, on: boolean) => set(key, on ? [...v[key], id] : v[key].filter((x) => x !== id));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!v.title.trim()) missing.push({ field: 'title', message: t('deliverables.form.titleMissing') });
    if (!editing && !v.dueOn) missing.push({ field: 'dueOn', message: t('deliverables.form.dueMissing') });
    if (missing.length) return setErrors(missing);
    setBusy(true);
    try {
      await onSubmit(v);
      setErrors([]);
      if (editing) setSaved(true);
    } catch (error) {
      fail(error, 'title', { workingGroupId: 'workingGroupId', responsiblePersonId: 'responsiblePersonId' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={editing ? 'edit-form-title' : undefined}>
        <label htmlFor="title">{t('deliverables.form.title')}</label>
        <input id="title" type="text" value={v.title} onChange={(e) => set('title', e.target.value)} {...described('title', errors)} />
        <FieldProblem id="title" errors={errors} />

        <label htmlFor="description">{t('deliverables.form.description')}</label>
        <textarea id="description" value={v.description} onChange={(e) => set('description', e.target.value)} {...described('description', errors)} />
        <FieldProblem id="description" errors={errors} />

        <label htmlFor="kind">{t('deliverables.form.kind')}</label>
        <select id="kind" value={v.kind} onChange={(e) => set('kind', e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`deliverables.${k}`)}
            </option>
          ))}
        </select>

        {!editing && (
          <>
            <label htmlFor="dueOn">{t('deliverables.form.dueOn')}</label>
            <input id="dueOn" type="date" value={v.dueOn} onChange={(e) => set('dueOn', e.target.value)} {...described('dueOn', errors)} />
            <FieldProblem id="dueOn" errors={errors} />
          </>
        )}

        {!editing && (
          <>
            <label htmlFor="workingGroupId">{t('deliverables.form.group')}</label>
            <select id="workingGroupId" value={v.workingGroupId} onChange={(e) => set('workingGroupId', e.target.value)} {...described('workingGroupId', errors)}>
              <option value="">{t('deliverables.wholeCommission')}</option>
              {commission.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            <FieldProblem id="workingGroupId" errors={errors} />
          </>
        )}

        <Picker id="responsiblePersonId" label={t('deliverables.form.responsible')} kind="person" value={v.responsible} onChange={(c) => set('responsible', c)} errors={errors} />

        {editing && (
          <>
            <label htmlFor="publishedUrl">{t('deliverables.form.publishedUrl')}</label>
            <input id="publishedUrl" type="url" value={v.publishedUrl} onChange={(e) => set('publishedUrl', e.target.value)} {...described('publishedUrl', errors)} />
            <FieldProblem id="publishedUrl" errors={errors} />
          </>
        )}

        <AimChecks
          commission={commission}
          chosen={v}
          legends={{ objectives: t('deliverables.form.objectives'), goals: (strategy) => t('deliverables.form.goals', { strategy }) }}
          onToggle={toggle}
          errors={errors}
        />

        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <p role="status" className="saved" id="deliverable-saved">
          {saved ? t('deliverables.form.saved') : ''}
        </p>
      </form>
    </>
  );
}
