import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, FieldProblem, described, useProblems } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { MultiPicker, Picker, type Choice } from '../core/pickers';
import { TimeZoneField } from '../core/time-zone-field';
import { useQuery } from '../core/use-query';
import { CommissionFormOptions, CreateCommission } from './commission-form.operations';

export const KINDS = ['GOVERNMENT_ASSIGNMENT', 'MINISTERIAL_WORKING_GROUP', 'STRATEGY_COLLABORATION_GROUP', 'INNOVATION_PROGRAMME', 'BOARD_WORKING_GROUP', 'INQUIRY', 'OTHER'] as const;
export const CADENCES = ['MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY', 'CUSTOM', 'NONE'] as const;
export type Kind = (typeof KINDS)[number];
export type Cadence = (typeof CADENCES)[number];

/** a, b, … z, aa, ab …: the letter of the n-th objective (0-based). */
export function letterOf(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : String.fromCharCode(96 + Math.floor(n / 26)) + String.fromCharCode(97 + (n % 26));
}

/** The rows as lettered objectives; a last row left empty is not sent (an empty one in between is, and is refused at its field). */
export function objectivesToSend(rows: string[], first: number): { letter: string; text: string }[] {
  return rows.map((text, i) => ({ letter: letterOf(first + i), text })).filter((o, i) => !(o.text.trim() === '' && i === rows.length - 1));
}

/** The lettered objectives of a mandate as rows to fill in: add, remove, the letters follow the order. */
export function ObjectiveRows({ prefix, rows, setRows, first, errors }: { prefix: string; rows: string[]; setRows(rows: string[]): void; first: number; errors: ReturnType<typeof useProblems>['errors'] }) {
  const { t } = useI18n();
  return (
    <>
      {rows.map((text, i) => {
        const id = `${prefix}-${i}-text`;
        const letter = letterOf(first + i);
        return (
          <div key={i} className="objective-row">
            <label htmlFor={id}>{t('commission.objective', { letter })}</label>
            <textarea id={id} value={text} onChange={(e) => setRows(rows.map((r, j) => (j === i ? e.target.value : r)))} {...described(id, errors)} />
            <FieldProblem id={id} errors={errors} />
            <button type="button" className="link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              {t('commission.removeObjective', { letter })}
            </button>
          </div>
        );
      })}
      <p>
        <button type="button" className="secondary-button" id={`${prefix}-add`} onClick={() => setRows([...rows, ''])}>
          {t('commission.addObjective')}
        </button>
      </p>
    </>
  );
}

/** Sets up a commission: who gave it and who carries it out, the mandate's lettered objectives, the deadline, the people. */
export function NewCommissionPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const options = useQuery(CommissionFormOptions, {});
  const { errors, fail, summary } = useProblems();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<Kind>('GOVERNMENT_ASSIGNMENT');
  const [body, setBody] = useState<Choice | null>(null);
  const [lead, setLead] = useState<Choice | null>(null);
  const [partners, setPartners] = useState<Choice[]>([]);
  const [referenceNumber, setReferenceNumber] = useState('');
  const [description, setDescription] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [deadline, setDeadline] = useState('');
  const [cadence, setCadence] = useState<Cadence>('QUARTERLY');
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [strategyId, setStrategyId] = useState('');
  const [objectives, setObjectives] = useState<string[]>(['']);
  const [commissioners, setCommissioners] = useState<Choice[]>([]);
  const [secretariat, setSecretariat] = useState<Choice[]>([]);
  const [busy, setBusy] = useState(false);

  if (options.status === 'loading') return <Loading />;
  if (options.status === 'failed') return <Failed error={options.error} retry={options.reload} />;
  if (!options.data.mayCreateCommission) return <Failed error={new RequestFailed('forbidden')} retry={options.reload} />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    try {
      const { createCommission } = await request(CreateCommission, {
        input: {
          title,
          kind,
          commissioningBodyId: body?.id ?? '',
          leadOrganisationId: lead?.id ?? '',
          partnerIds: partners.map((p) => p.id),
          referenceNumber: referenceNumber.trim() || undefined,
          description: description.trim() || undefined,
          startsOn,
          reportingDeadline: deadline || undefined,
          reportCadence: cadence,
          timeZone,
          strategyId: strategyId || undefined,
          objectives: objectivesToSend(objectives, 0),
          commissionerIds: commissioners.map((p) => p.id),
          secretariatIds: secretariat.map((p) => p.id),
        },
      });
      await navigate({ to: '/commissions/$commissionId', params: { commissionId: createCommission.id } });
    } catch (error) {
      fail(error, 'title');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Heading>{t('commission.newTitle')}</Heading>
      <ErrorSummary ref={summary} errors={errors} />
      <form className="stack wide-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="title">{t('commission.title')}</label>
        <input id="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} {...described('title', errors)} />
        <FieldProblem id="title" errors={errors} />

        <label htmlFor="kind">{t('commission.kind')}</label>
        <select id="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} {...described('kind', errors)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`commission.KIND_${k}`)}
            </option>
          ))}
        </select>
        <FieldProblem id="kind" errors={errors} />

        <Picker id="commissioningBodyId" label={t('commission.body')} hint={t('commission.bodyHint')} kind="organisation" value={body} onChange={setBody} errors={errors} />
        <Picker id="leadOrganisationId" label={t('commission.lead')} kind="organisation" value={lead} onChange={setLead} errors={errors} />
        <MultiPicker id="partnerIds" label={t('commission.partners')} kind="organisation" value={partners} onChange={setPartners} errors={errors} />

        <label htmlFor="referenceNumber">{t('commission.reference')}</label>
        <input id="referenceNumber" type="text" value={referenceNumber} onChange={(e) => setReferenceNumber(e.target.value)} {...described('referenceNumber', errors)} />
        <FieldProblem id="referenceNumber" errors={errors} />

        <label htmlFor="description">{t('commission.description')}</label>
        <textarea id="description" value={description} onChange={(e) => setDescription(e.target.value)} {...described('description', errors)} />
        <FieldProblem id="description" errors={errors} />

        <fieldset id="objectives">
          <legend>{t('commission.objectives')}</legend>
          <ObjectiveRows prefix="objectives" rows={objectives} setRows={setObjectives} first={0} errors={errors} />
          <FieldProblem id="objectives" errors={errors} />
        </fieldset>

        <label htmlFor="startsOn">{t('commission.startsOn')}</label>
        <input id="startsOn" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} {...described('startsOn', errors)} />
        <FieldProblem id="startsOn" errors={errors} />

        <label htmlFor="reportingDeadline">{t('commission.reportingDeadline')}</label>
        <p id="reportingDeadline-hint" className="hint">
          {t('commission.deadlineHint')}
        </p>
        <input id="reportingDeadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} {...described('reportingDeadline', errors, 'reportingDeadline-hint')} />
        <FieldProblem id="reportingDeadline" errors={errors} />

        <label htmlFor="reportCadence">{t('commission.cadence')}</label>
        <select id="reportCadence" value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)} {...described('reportCadence', errors)}>
          {CADENCES.map((c) => (
            <option key={c} value={c}>
              {t(`commission.CADENCE_${c}`)}
            </option>
          ))}
        </select>
        <FieldProblem id="reportCadence" errors={errors} />

        <TimeZoneField value={timeZone} onChange={setTimeZone} errors={errors} />

        {options.data.strategies.length > 0 && (
          <>
            <label htmlFor="strategyId">{t('commission.strategy')}</label>
            <select id="strategyId" value={strategyId} onChange={(e) => setStrategyId(e.target.value)} {...described('strategyId', errors)}>
              <option value="">{t('commission.noStrategy')}</option>
              {options.data.strategies.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
            <FieldProblem id="strategyId" errors={errors} />
          </>
        )}

        <MultiPicker id="commissionerIds" label={t('commission.commissioners')} kind="person" value={commissioners} onChange={setCommissioners} errors={errors} />
        <MultiPicker id="secretariatIds" label={t('commission.secretariat')} kind="person" value={secretariat} onChange={setSecretariat} errors={errors} />
        <p className="hint">{t('commission.secretariatHint')}</p>

        <button type="submit" disabled={busy}>
          {t('commission.create')}
        </button>
      </form>
    </>
  );
}
