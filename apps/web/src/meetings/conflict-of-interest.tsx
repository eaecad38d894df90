import { useId, useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { OfflineNotice, asFailure, signInAgain } from '../core/form';
import { useI18n } from '../core/i18n';
import { clearDraft, readDraft, saveDraft } from '../core/session';
import { DeclareConflict, WithdrawConflict } from './meeting-page.operations';

export interface Declaration {
  id: string;
  agendaItemId: string;
  personId: string;
  reason: string;
  declaredAt: string;
  person: { id: string; displayName: string };
}

/**
 * My conflict of interest (jäv) on one agenda item, before the meeting: declare
 * it with a reason, change the reason, or withdraw it. The reason being typed is
 * kept in this tab when the connection drops or the session ends.
 */
export function ConflictOfInterest({ item, mine, onDeclared, onWithdrawn }: { item: { id: string; title: string }; mine: Declaration | undefined; onDeclared(d: { id: string; agendaItemId: string; reason: string }): void; onWithdrawn(agendaItemId: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const draftKey = `conflict:${item.id}`;
  const form = useRef<HTMLFormElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const [reason, setReason] = useState(() => readDraft<string>(draftKey) ?? mine?.reason ?? '');
  const [open, setOpen] = useState(() => readDraft<string>(draftKey) !== undefined);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState<(() => void) | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function fail(error: unknown, retry: () => void) {
    const failed = asFailure(error);
    if (failed.kind === 'unauthenticated') return signInAgain();
    if (failed.kind === 'network') setOffline(() => retry);
    else setError(failed.errors[0]?.message ?? t('app.failed', { code: failed.kind }));
  }

  async function declare(event?: FormEvent) {
    event?.preventDefault();
    setError(null);
    setOffline(null);
    setNotice(null);
    if (!reason.trim()) {
      setError(t('form.required', { field: t('conflict.reason') }));
      return;
    }
    setBusy(true);
    try {
      const { declareConflictOfInterest: saved } = await request(DeclareConflict, { input: { agendaItemId: item.id, reason: reason.trim() } });
      clearDraft(draftKey);
      setOpen(false);
      onDeclared(saved);
      setNotice(t('conflict.declared'));
      requestAnimationFrame(() => status.current?.focus());
    } catch (error) {
      fail(error, () => form.current?.requestSubmit());
    } finally {
      setBusy(false);
    }
  }

  async function withdraw() {
    setError(null);
    setOffline(null);
    setNotice(null);
    setBusy(true);
    try {
      await request(WithdrawConflict, { agendaItemId: item.id });
      clearDraft(draftKey);
      setReason('');
      onWithdrawn(item.id);
      setNotice(t('conflict.withdrawn'));
      requestAnimationFrame(() => status.current?.focus());
    } catch (error) {
      fail(error, () => void withdraw());
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="conflict">
      {mine && <p className="declared">{t('conflict.mine', { reason: mine.reason })}</p>}
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{mine ? t('conflict.change') : t('conflict.declare')}</summary>
        <form ref={form} className="stack" noValidate onSubmit={(e) => void declare(e)}>
          <label htmlFor={`${id}-reason`}>{t('conflict.reasonFor', { item: item.title })}</label>
          <span id={`${id}-hint`} className="secondary">
            {t('conflict.hint')}
          </span>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={2000}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
            onChange={(e) => {
              setReason(e.target.value);
              saveDraft(draftKey, e.target.value);
            }}
          />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {mine ? t('conflict.save') : t('conflict.submit')}
          </button>
        </form>
      </details>
      {mine && (
        <p>
          <button type="button" className="secondary-button" disabled={busy} onClick={() => void withdraw()}>
            {t('conflict.withdraw')}
          </button>
        </p>
      )}
      <OfflineNotice onRetry={offline} />
      <p ref={status} role="status" className="saved" tabIndex={-1}>
        {notice}
      </p>
    </div>
  );
}
