import { useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, FieldProblem, described, useProblems } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { AmendMandate, AmendMandatePage as AmendQuery } from './amend-mandate-page.operations';
import { ObjectiveRows, objectivesToSend } from './new-commission-page';

/** Records an amendment to the mandate (tilläggsdirektiv): a new deadline, objectives withdrawn or added, and why. */
export function AmendMandatePage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const query = useQuery(AmendQuery, { id: commissionId });
  const { errors, fail, summary } = useProblems();
  const [decidedOn, setDecidedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [referenceNumber, setReferenceNumber] = useState('');
  const [reason, setReason] = useState('');
  const [newDeadline, setNewDeadline] = useState('');
  const [withdraw, setWithdraw] = useState<string[]>([]);
  const [added, setAdded] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const c = query.data.commission;
  if (!c.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  const current = c.objectives.filter((o) => !o.withdrawnByAmendmentId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      await request(AmendMandate, {
        input: {
          commissionId,
          decidedOn,
          referenceNumber: referenceNumber.trim() || undefined,
          reason,
          newDeadline: newDeadline || undefined,
          withdrawObjectives: withdraw,
          addObjectives: objectivesToSend(added, c.objectives.length),
        },
      });
      await navigate({ to: '/commissions/$commissionId', params: { commissionId } });
    } catch (error) {
      fail(error, 'reason');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading>{t('commission.amendTitle', { title: c.title })}</Heading>
      <p>{t('commission.amendIntro')}</p>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="decidedOn">{t('commission.decidedOn')}</label>
        <input id="decidedOn" type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} {...described('decidedOn', errors)} />
        <FieldProblem id="decidedOn" errors={errors} />

        <label htmlFor="referenceNumber">{t('commission.amendReference')}</label>
        <input id="referenceNumber" type="text" value={referenceNumber} onChange={(e) => setReferenceNumber(e.target.value)} {...described('referenceNumber', errors)} />
        <FieldProblem id="referenceNumber" errors={errors} />

        <label htmlFor="reason">{t('commission.reason')}</label>
        <textarea id="reason" value={reason} onChange={(e) => setReason(e.target.value)} {...described('reason', errors)} />
        <FieldProblem id="reason" errors={errors} />

        <label htmlFor="newDeadline">{t('commission.newDeadline')}</label>
        <p id="newDeadline-hint" className="hint">
          {t('commission.newDeadlineHint', { deadline: c.reportingDeadline ? date(`${c.reportingDeadline}T12:00:00Z`) : t('commission.noDeadline') })}
        </p>
        <input id="newDeadline" type="date" value={newDeadline} onChange={(e) => setNewDeadline(e.target.value)} {...described('newDeadline', errors, 'newDeadline-hint')} />
        <FieldProblem id="newDeadline" errors={errors} />

        {current.length > 0 && (
          <fieldset id="withdrawObjectives" aria-describedby={errors.some((e) => e.field === 'withdrawObjectives') ? 'withdrawObjectives-error' : undefined}>
            <legend>{t('commission.withdraw')}</legend>
            <div className="checks">
              {current.map((o) => (
                <label key={o.id} className="choice">
                  <input
                    type="checkbox"
                    id={`withdraw-${o.letter}`}
                    checked={withdraw.includes(o.letter)}
                    onChange={(e) => setWithdraw(e.target.checked ? [...withdraw, o.letter] : withdraw.filter((l) => l !== o.letter))}
                  />
                  <span>
                    <strong>{o.letter})</strong> {o.text}
                  </span>
                </label>
              ))}
            </div>
            <FieldProblem id="withdrawObjectives" errors={errors} />
          </fieldset>
        )}

        <fieldset id="addObjectives">
          <legend>{t('commission.addObjectives')}</legend>
          <ObjectiveRows prefix="addObjectives" rows={added} setRows={setAdded} first={c.objectives.length} errors={errors} />
          <FieldProblem id="addObjectives" errors={errors} />
        </fieldset>

        <button type="submit" disabled={busy}>
          {t('commission.amendSave')}
        </button>
      </form>
    </>
  );
}
