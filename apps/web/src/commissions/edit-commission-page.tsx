import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { ErrorSummary, FieldProblem, described, useProblems } from '../core/form';
import type { ResultOf } from '../core/graphql';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { MultiPicker, Picker, type Choice } from '../core/pickers';
import { TimeZoneField } from '../core/time-zone-field';
import { useQuery } from '../core/use-query';
import { AssignCommissionRole, EditCommissionPage as EditQuery, RemoveCommissionRole, UpdateCommission } from './commission-form.operations';
import { CADENCES, KINDS, type Cadence, type Kind } from './new-commission-page';
import { BackToCommission } from './back-to-commission';

type Commission = ResultOf<typeof EditQuery>['commission'];
const STATUSES = ['PLANNED', 'ACTIVE', 'REPORTED', 'CONCLUDED'] as const;
const ROLES = ['SECRETARIAT', 'COMMISSIONER', 'OBSERVER'] as const;
const orgChoice = (o: { id: string; name: string; shortName?: string | null }): Choice => ({ id: o.id, label: o.shortName ? `${o.name} (${o.shortName})` : o.name });

/** Changes a commission (not its deadline: that is an amendment) and who holds its roles. */
export function EditCommissionPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const query = useQuery(EditQuery, { id: commissionId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  if (!query.data.commission.mayManage) return <Failed error={new RequestFailed('forbidden')} retry={query.reload} />;
  return <EditCommission commission={query.data.commission} reload={query.reload} />;
}

function EditCommission({ commission: c, reload }: { commission: Commission; reload(): void }) {
  const { t } = useI18n();
  const { errors, fail, summary, setErrors } = useProblems();
  const [saved, setSaved] = useState<string | null>(null);
  const [title, setTitle] = useState(c.title);
  const [kind, setKind] = useState<Kind>(c.kind);
  const [status, setStatus] = useState(c.status);
  const [body, setBody] = useState<Choice | null>(orgChoice(c.commissioningBody));
  const [lead, setLead] = useState<Choice | null>(orgChoice(c.leadOrganisation));
  const [partners, setPartners] = useState<Choice[]>(c.partners.map(orgChoice));
  const [referenceNumber, setReferenceNumber] = useState(c.referenceNumber ?? '');
  const [description, setDescription] = useState(c.description ?? '');
  const [cadence, setCadence] = useState<Cadence>(c.reportCadence);
  const [timeZone, setTimeZone] = useState(c.timeZone);
  const [person, setPerson] = useState<Choice | null>(null);
  const [role, setRole] = useState<(typeof ROLES)[number]>('COMMISSIONER');
  const [round, setRound] = useState(0);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    try {
      await request(UpdateCommission, {
        input: {
          id: c.id,
          title,
          kind,
          status,
          commissioningBodyId: body?.id ?? '',
          leadOrganisationId: lead?.id ?? '',
          partnerIds: partners.map((p) => p.id),
          referenceNumber,
          description,
          reportCadence: cadence,
          timeZone,
        },
      });
      setErrors([]);
      setSaved(t('commission.saved'));
    } catch (error) {
      fail(error, 'title');
    }
  }

  async function addRole() {
    if (!person) return;
    try {
      await request(AssignCommissionRole, { input: { commissionId: c.id, personId: person.id, role } });
      setErrors([]);
      setSaved(t('commission.roleAdded', { name: person.label }));
      setPerson(null);
      setRound((n) => n + 1);
      reload();
    } catch (error) {
      fail(error, 'rolePerson');
    }
  }

  async function removeRole(personId: string, which: Commission['roles'][number]['role']) {
    try {
      await request(RemoveCommissionRole, { input: { commissionId: c.id, personId, role: which } });
      reload();
    } catch (error) {
      fail(error, 'rolePerson');
    }
  }

  return (
    <>
      <Heading>{t('commission.editTitle', { title: c.title })}</Heading>
      <BackToCommission id={c.id} title={c.title} />
      <ErrorSummary ref={summary} errors={errors} />
      {saved && (
        <p role="status" className="saved">
          {saved}
        </p>
      )}
      <form className="stack wide-form" onSubmit={(e) => void save(e)} noValidate>
        <label htmlFor="title">{t('commission.title')}</label>
        <input id="title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} {...described('title', errors)} />
        <FieldProblem id="title" errors={errors} />
        <label htmlFor="kind">{t('commission.kind')}</label>
        <select id="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`commission.KIND_${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor="status">{t('commission.status')}</label>
        <select id="status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`commission.${s}`)}
            </option>
          ))}
        </select>
        <Picker id="commissioningBodyId" label={t('commission.body')} kind="organisation" value={body} onChange={setBody} errors={errors} />
        <Picker id="leadOrganisationId" label={t('commission.lead')} kind="organisation" value={lead} onChange={setLead} errors={errors} />
        <MultiPicker id="partnerIds" label={t('commission.partners')} kind="organisation" value={partners} onChange={setPartners} errors={errors} />
        <label htmlFor="referenceNumber">{t('commission.reference')}</label>
        <input id="referenceNumber" type="text" value={referenceNumber} onChange={(e) => setReferenceNumber(e.target.value)} {...described('referenceNumber', errors)} />
        <FieldProblem id="referenceNumber" errors={errors} />
        <label htmlFor="description">{t('commission.description')}</label>
        <textarea id="description" value={description} onChange={(e) => setDescription(e.target.value)} {...described('description', errors)} />
        <FieldProblem id="description" errors={errors} />
        <label htmlFor="reportCadence">{t('commission.cadence')}</label>
        <select id="reportCadence" value={cadence} onChange={(e) => setCadence(e.target.value as Cadence)}>
          {CADENCES.map((k) => (
            <option key={k} value={k}>
              {t(`commission.CADENCE_${k}`)}
            </option>
          ))}
        </select>
        <TimeZoneField value={timeZone} onChange={setTimeZone} errors={errors} />
        <button type="submit">{t('commission.save')}</button>
      </form>

      <section aria-labelledby="roles">
        <h2 id="roles">{t('commission.roles')}</h2>
        <ul className="items">
          {c.roles.map((r) => (
            <li key={r.id}>
              {r.person.fullName} – {t(`commission.ROLE_${r.role}`)}{' '}
              <button type="button" className="link" onClick={() => void removeRole(r.person.id, r.role)}>
                {t('commission.removeRole', { name: `${r.person.fullName} (${t(`commission.ROLE_${r.role}`)})` })}
              </button>
            </li>
          ))}
        </ul>
        <div className="stack">
          <Picker key={round} id="rolePerson" label={t('pick.find')} kind="person" value={person} onChange={setPerson} errors={errors} />
          <label htmlFor="role">{t('commission.role')}</label>
          <select id="role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`commission.ROLE_${r}`)}
              </option>
            ))}
          </select>
          <button type="button" disabled={!person} onClick={() => void addRole()}>
            {t('commission.addRole')}
          </button>
        </div>
      </section>
    </>
  );
}
