import { Link, useParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { fileSize } from '../core/format';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { DeliverablePage as DeliverableQuery } from './deliverable-page.operations';
import { DeadlineHistory } from './manage/deadline-history';

// Only the secretariat and the responsible person upload: the form loads when it is shown.
const VersionUpload = lazy(() => import('./manage/version-upload'));

/** A deliverable: what, when, its document versions (download) and its review rounds. */
export function DeliverablePage() {
  const { deliverableId } = useParams({ strict: false }) as { deliverableId: string };
  const { t, date, dateTime, locale } = useI18n();
  const query = useQuery(DeliverableQuery, { id: deliverableId });
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const d = query.data.deliverable;
  const day = (isoDate: string) => date(`${isoDate}T12:00:00Z`);
  return (
    <>
      <Heading>{d.title}</Heading>
      <dl className="facts">
        <dt>{t('deliverable.kind')}</dt>
        <dd>{d.kindLabel}</dd>
        <dt>{t('deliverable.status')}</dt>
        <dd>{d.statusLabel}</dd>
        <dt>{t('deliverable.due')}</dt>
        <dd>{day(d.dueOn)}</dd>
        {d.health && (
          <>
            <dt>{t('deliverables.health')}</dt>
            <dd id="deliverable-health">{t(`deliverables.${d.health}`)}</dd>
          </>
        )}
        {d.workingGroup && (
          <>
            <dt>{t('deliverable.group')}</dt>
            <dd>
              <Link to="/working-groups/$workingGroupId" params={{ workingGroupId: d.workingGroup.id }}>
                {d.workingGroup.name}
              </Link>
            </dd>
          </>
        )}
        <dt>{t('deliverable.commission')}</dt>
        <dd>
          <Link to="/commissions/$commissionId" params={{ commissionId: d.commission.id }}>
            {d.commission.title}
          </Link>
        </dd>
        {d.responsiblePerson && (
          <>
            <dt>{t('deliverable.responsible')}</dt>
            <dd>{d.responsiblePerson.displayName}</dd>
          </>
        )}
      </dl>
      {d.mayManage && (
        <ul className="actions">
          <li>
            <Link to="/deliverables/$deliverableId/edit" params={{ deliverableId }}>
              {t('deliverables.edit')}
            </Link>
          </li>
          {d.versions.length > 0 && (
            <li>
              <Link to="/deliverables/$deliverableId/review-rounds/new" params={{ deliverableId }}>
                {t('reviews.openTitle', { title: d.title })}
              </Link>
            </li>
          )}
          <li>
            <Link to="/commissions/$commissionId/deliverables" params={{ commissionId: d.commission.id }}>
              {t('deliverables.title', { commission: d.commission.title })}
            </Link>
          </li>
        </ul>
      )}
      {d.description && <p className="prewrap">{d.description}</p>}
      <section aria-labelledby="versions">
        <h2 id="versions">{t('deliverable.versions')}</h2>
        {d.versions.length === 0 ? (
          <p className="secondary">{t('deliverable.noVersions')}</p>
        ) : (
          <ul className="items">
            {[...d.versions]
              .sort((a, b) => b.number - a.number)
              .map((v) => (
                <li key={v.id}>
                  <a href={v.downloadPath} download>
                    {t('deliverable.download', { number: v.number, filename: v.filename })}
                  </a>{' '}
                  <span className="secondary">
                    ({fileSize(v.sizeBytes, locale)}, {dateTime(v.uploadedAt)})
                  </span>
                  {v.note && <div>{v.note}</div>}
                </li>
              ))}
          </ul>
        )}
      </section>
      {d.mayUpload && (
        <Suspense fallback={<Loading />}>
          <VersionUpload deliverableId={deliverableId} limits={d.uploadLimits} onUploaded={query.reload} />
        </Suspense>
      )}
      {d.deadlineChanges.length > 0 && <DeadlineHistory changes={d.deadlineChanges} />}
      {d.reviewRounds.length > 0 && (
        <section aria-labelledby="rounds">
          <h2 id="rounds">{t('deliverable.reviewRounds')}</h2>
          <ul className="items">
            {d.reviewRounds.map((r) => (
              <li key={r.id}>
                <Link to="/review-rounds/$reviewRoundId" params={{ reviewRoundId: r.id }}>
                  {t('review.roundOf', { number: r.version.number })}
                </Link>{' '}
                <span className="secondary">{r.status === 'OPEN' ? t('me.due', { date: day(r.deadline) }) : t('review.closed')}</span>
                {d.mayManage && (
                  <>
                    {' · '}
                    <Link to="/review-rounds/$reviewRoundId/follow" params={{ reviewRoundId: r.id }}>
                      {t('reviews.follow')}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
