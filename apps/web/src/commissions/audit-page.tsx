import { useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../core/i18n';
import type { MessageKey } from '../core/messages';
import { Failed, Heading, Loading } from '../core/page';
import { PagerButtons, usePager } from '../core/pager';
import { useQuery } from '../core/use-query';
import { AuditPage as AuditQuery } from './audit-page.operations';
import { BackToCommission } from './back-to-commission';
import '../organisations/register.css';

const ENTITIES = [
  'commission', 'working_group', 'seat_allocation', 'appointment', 'nomination_request', 'nomination', 'meeting', 'invitation', 'minutes',
  'action_item', 'registration', 'date_poll', 'deliverable', 'document_version', 'review_round', 'review_comment', 'status_report',
  'stakeholder_engagement', 'interest_declaration',
] as const;

const PAGE = 25;

interface Filter {
  entity: string;
  entityName: string;
  actorPersonId: string;
  from: string;
  to: string;
}

/** The start of a day in the reader's own time zone, as an instant the API reads strictly. */
function startOfDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

function nextDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + 1).toISOString();
}

/** A commission's audit trail for its secretariat: filter by kind of entity, name, who changed it and dates; paged, newest first. */
export function AuditPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, dateTime } = useI18n();
  const [filter, setFilter] = useState<Filter>({ entity: '', entityName: '', actorPersonId: '', from: '', to: '' });
  const pager = usePager();
  const query = useQuery(AuditQuery, {
    id: commissionId,
    first: PAGE,
    after: pager.after,
    entity: filter.entity || null,
    entityName: filter.entityName || null,
    actorPersonId: filter.actorPersonId || null,
    from: startOfDay(filter.from),
    to: nextDay(filter.to),
  });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { commission, commissionAuditTrail: trail } = query.data;
  const actors = new Map<string, string>();
  for (const role of commission.roles) actors.set(role.person.id, role.person.displayName);
  for (const { node } of trail.edges) if (node.actor) actors.set(node.actor.id, node.actor.displayName);
  const entityLabel = (entity: string) => ((ENTITIES as readonly string[]).includes(entity) ? t(`audit.entity.${entity}` as MessageKey) : entity);
  // Each change in words (audit-actions.spec.ts checks every action the libs record has its text); an unknown one as its code.
  // An action with no text yet (a lib recorded a new one) shows its code: t() answers an unknown key with the key.
  const actionLabel = (action: string) => {
    const key = `audit.action.${action}` as MessageKey;
    const label = t(key);
    return label === key ? action : label;
  };

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim();
    pager.reset();
    setFilter({ entity: text('entity'), entityName: text('entityName'), actorPersonId: text('actorPersonId'), from: text('from'), to: text('to') });
  }

  return (
    <>
      <BackToCommission id={commissionId} title={commission.title} />
      <Heading>{t('audit.title', { title: commission.title })}</Heading>
      <p>{t('audit.intro')}</p>
      <form className="reg-filters" onSubmit={apply} aria-label={t('audit.filter')}>
        <div>
          <label htmlFor="entity">{t('audit.entity')}</label>
          <select id="entity" name="entity" defaultValue={filter.entity}>
            <option value="">{t('audit.anyEntity')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {entityLabel(e)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entityName">{t('audit.entityName')}</label>
          <input id="entityName" name="entityName" type="text" defaultValue={filter.entityName} />
        </div>
        <div>
          <label htmlFor="actorPersonId">{t('audit.actor')}</label>
          <select id="actorPersonId" name="actorPersonId" defaultValue={filter.actorPersonId}>
            <option value="">{t('audit.anyActor')}</option>
            {[...actors.entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from">{t('audit.from')}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div>
          <label htmlFor="to">{t('audit.to')}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} />
        </div>
        <div>
          <button type="submit">{t('audit.apply')}</button>
        </div>
      </form>

      <h2 id="trail" aria-live="polite">
        {t('audit.results', { count: trail.totalCount })}
      </h2>
      {trail.edges.length > 0 && (
        <div className="reg-table" role="region" aria-labelledby="trail" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {trail.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>{dateTime(node.occurredAt)}</td>
                  <td>{node.actor ? node.actor.displayName : <span className="secondary">{node.origin ?? t('audit.system')}</span>}</td>
                  <th scope="row">
                    {entityLabel(node.entity)}: {node.entityName ?? <span className="secondary">{t('audit.deleted')}</span>}
                  </th>
                  <td>{actionLabel(node.action)}</td>
                  <td>{node.changes.length > 5 ? `${node.changes.slice(0, 5).map((c) => c.field).join(', ')} +${node.changes.length - 5}` : node.changes.map((c) => c.field).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PagerButtons pager={pager} pageInfo={trail.pageInfo} newer={t('audit.previous')} older={t('audit.next')} />
    </>
  );
}
