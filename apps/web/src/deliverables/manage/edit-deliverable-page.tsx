import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../../core/client';
import { ErrorSummary, FieldProblem, described, useProblems, type FieldError } from '../../core/form';
import { readFragment } from '../../core/graphql';
import { useI18n } from '../../core/i18n';
import { Failed, Heading, Loading } from '../../core/page';
import { useQuery } from '../../core/use-query';
import { DeliverableForm, type Kind } from './deliverable-form';
import { ChangeDeliverableDeadline, ChangeDeliverableStatus, DeliverableCommissionFields, EditDeliverablePage as EditDeliverableQuery, UpdateDeliverable } from './deliverable-form.operations';
import { DeadlineHistory } from './deadline-history';
import './deliverables.css';

/**
 * The secretariat edits a deliverable: its fields, its status (the moves the
 * workflow allows), and its due date — only with a reason, which the page asks
 * for at the field before sending and the server demands again; the history of
 * due dates below.
 */
export function EditDeliverablePage() {
  const { deliverableId } = useParams({ strict: false }) as { deliverableId: string };
  const { t } = useI18n();
  const query = useQuery(EditDeliverableQuery, { id: deliverableId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const d = query.data.deliverable;
  const commission = readFragment(DeliverableCommissionFields, d.commission);
  if (!d.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return (
    <>
      <Heading>{t('deliverables.editTitle', { title: d.title })}</Heading>
      <ul className="actions">
        <li>
          <Link to="/deliverables/$deliverableId" params={{ deliverableId }}>
            {d.title}
          </Link>
        </li>
        <li>
          <Link to="/commissions/$commissionId/deliverables" params={{ commissionId: commission.id }}>
            {t('deliverables.title', { commission: commission.title })}
          </Link>
        </li>
      </ul>
      <section aria-labelledby="edit-form-title">
        <h2 id="edit-form-title">{t('deliverables.edit')}</h2>
        <DeliverableForm
          commission={d.commission}
          editing
          initial={{
            title: d.title,
            description: d.description ?? '',
            kind: d.kind as Kind,
            dueOn: d.dueOn,
            workingGroupId: d.workingGroup?.id ?? '',
            responsible: d.responsiblePerson ? { id: d.responsiblePerson.id, label: d.responsiblePerson.email ? `${d.responsiblePerson.fullName} (${d.responsiblePerson.email})` : d.responsiblePerson.fullName } : null,
            goalIds: d.goals.map((g) => g.id),
            objectiveIds: d.objectives.map((o) => o.id),
            publishedUrl: d.publishedUrl ?? '',
          }}
          submitLabel={t('deliverables.form.save')}
          onSubmit={async (v) => {
            await request(UpdateDeliverable, {
              input: {
                id: deliverableId,
                title: v.title.trim(),
                description: v.description.trim(),
                kind: v.kind,
                // null clears: the form may take away the responsible person or the published address.
                responsiblePersonId: v.responsible?.id ?? null,
                goalIds: v.goalIds,
                objectiveIds: v.objectiveIds,
                publishedUrl: v.publishedUrl.trim() || null,
              },
            });
            query.reload();
          }}
        />
      </section>
      {d.allowedTransitions.length > 0 && <StatusForm deliverableId={deliverableId} current={d.statusLabel} allowed={d.allowedTransitions} onChanged={query.reload} />}
      <DeadlineForm deliverableId={deliverableId} dueOn={d.dueOn} onChanged={query.reload} />
      <DeadlineHistory changes={d.deadlineChanges} />
    </>
  );
}

function StatusForm({ deliverableId, current, allowed, onChanged }: { deliverableId: string; current: string; allowed: readonly string[]; onChanged(): void }) {
  const { t } = useI18n();
  const { errors, fail, summary, setErrors } = useProblems();
  const [status, setStatus] = useState(allowed[0]);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const { changeDeliverableStatus } = await request(ChangeDeliverableStatus, { input: { deliverableId, status: status as 'PLANNED' } });
      setErrors([]);
      setDone(t('deliverables.status.changed', { status: changeDeliverableStatus.statusLabel }));
      onChanged();
    } catch (error) {
      setDone('');
      fail(error, 'status');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="status-title">
      <h2 id="status-title">{t('deliverables.status.title')}</h2>
      <p>{current}</p>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="status-title">
        <label htmlFor="status">{t('deliverables.status.move')}</label>
        <select id="status" value={status} onChange={(e) => setStatus(e.target.value)} {...described('status', errors)}>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {t(`deliverables.${s as 'PLANNED'}`)}
            </option>
          ))}
        </select>
        <FieldProblem id="status" errors={errors} />
        <button type="submit" disabled={busy}>
          {t('deliverables.status.change')}
        </button>
        <p role="status" className="saved">
          {done}
        </p>
      </form>
    </section>
  );
}

/** The due date changes only with a reason: the page asks for it at the field, and the server refuses a change without one. */
function DeadlineForm({ deliverableId, dueOn, onChanged }: { deliverableId: string; dueOn: string; onChanged(): void }) {
  const { t, date } = useI18n();
  const { errors, fail, summary, setErrors } = useProblems();
  const [newDueOn, setNewDueOn] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const day = (isoDate: string) => date(`${isoDate}T12:00:00Z`);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!newDueOn) missing.push({ field: 'newDueOn', message: t('deliverables.deadline.dateMissing') });
    if (!reason.trim()) missing.push({ field: 'reason', message: t('deliverables.deadline.reasonMissing') });
    if (missing.length) {
      setDone('');
      return setErrors(missing);
    }
    setBusy(true);
    try {
      const { changeDeliverableDeadline } = await request(ChangeDeliverableDeadline, { input: { deliverableId, newDueOn, reason } });
      setErrors([]);
      setNewDueOn('');
      setReason('');
      setDone(t('deliverables.deadline.changed', { date: day(changeDeliverableDeadline.dueOn) }));
      onChanged();
    } catch (error) {
      setDone('');
      fail(error, 'newDueOn');
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="deadline-title">
      <h2 id="deadline-title">{t('deliverables.deadline.title')}</h2>
      <p id="deadline-current">{t('deliverables.deadline.current', { date: day(dueOn) })}</p>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="deadline-title">
        <label htmlFor="newDueOn">{t('deliverables.deadline.new')}</label>
        <input id="newDueOn" type="date" value={newDueOn} onChange={(e) => setNewDueOn(e.target.value)} {...described('newDueOn', errors)} />
        <FieldProblem id="newDueOn" errors={errors} />
        <label htmlFor="reason">{t('deliverables.deadline.reason')}</label>
        <p id="reason-hint" className="hint">
          {t('deliverables.deadline.reasonHint')}
        </p>
        <textarea id="reason" value={reason} onChange={(e) => setReason(e.target.value)} {...described('reason', errors, 'reason-hint')} />
        <FieldProblem id="reason" errors={errors} />
        <button type="submit" disabled={busy}>
          {t('deliverables.deadline.change')}
        </button>
        <p role="status" className="saved" id="deadline-changed">
          {done}
        </p>
      </form>
    </section>
  );
}
