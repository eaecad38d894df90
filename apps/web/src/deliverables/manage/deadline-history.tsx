import { useI18n } from '../../core/i18n';

export interface DeadlineChangeView {
  id: string;
  oldDueOn: string;
  newDueOn: string;
  reason: string;
  changedAt: string;
  changedBy: { displayName: string } | null;
}

/** Every move of a deliverable's due date, newest first: from, to, why, who and when. */
export function DeadlineHistory({ changes }: { changes: readonly DeadlineChangeView[] }) {
  const { t, date, dateTime } = useI18n();
  const day = (isoDate: string) => date(`${isoDate}T12:00:00Z`);
  return (
    <section aria-labelledby="deadline-history">
      <h2 id="deadline-history">{t('deliverables.history.title')}</h2>
      {changes.length === 0 ? (
        <p className="secondary">{t('deliverables.history.none')}</p>
      ) : (
        <ol className="items" id="deadline-history-list" reversed>
          {[...changes].reverse().map((c) => (
            <li key={c.id}>
              <strong>
                {day(c.oldDueOn)} → {day(c.newDueOn)}
              </strong>
              <div className="prewrap">
                {t('deliverables.history.reason')}: {c.reason}
              </div>
              <div className="secondary">
                {c.changedBy ? `${c.changedBy.displayName}, ` : ''}
                {dateTime(c.changedAt)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
