import { useId, useState, type FormEvent } from 'react';
import { RequestFailed, request } from '../core/client';
import { useI18n } from '../core/i18n';
import { clearDraft, readDraft, saveDraft, signInPath } from '../core/session';
import { Rsvp } from './rsvp.operations';

type Answer = 'YES' | 'NO' | 'MAYBE' | 'SUBSTITUTE' | 'PENDING';
interface Draft {
  answer: Answer;
  substituteName: string;
}

/**
 * Give or change my answer to a meeting: radio buttons (arrow keys move between
 * them) and a save button. What is chosen is kept in this tab when the session
 * ends or the connection drops, and is there again after signing in.
 */
export function RsvpForm({ meetingId, answer, substituteName, allowSubstitute, substituteLabel }: { meetingId: string; answer: Answer; substituteName?: string | null; allowSubstitute: boolean; substituteLabel?: string | null }) {
  const { t } = useI18n();
  const id = useId();
  const draftKey = `rsvp:${meetingId}`;
  const [draft, setDraft] = useState<Draft>(() => readDraft<Draft>(draftKey) ?? { answer, substituteName: substituteName ?? '' });
  const [saved, setSaved] = useState<Answer>(answer);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const choices: Answer[] = allowSubstitute ? ['YES', 'NO', 'MAYBE', 'SUBSTITUTE'] : ['YES', 'NO', 'MAYBE'];

  function change(next: Draft) {
    setDraft(next);
    saveDraft(draftKey, next);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.answer === 'PENDING') return;
    setBusy(true);
    try {
      const input = draft.answer === 'SUBSTITUTE' && !substituteLabel ? { answer: draft.answer, substituteName: draft.substituteName.trim() || null } : { answer: draft.answer };
      const { rsvp } = await request(Rsvp, { meetingId, input });
      clearDraft(draftKey);
      setSaved(rsvp.rsvp);
      setMessage({ text: t('rsvp.saved', { answer: t(`rsvp.${rsvp.rsvp}`) }), error: false });
    } catch (error) {
      const failed = error instanceof RequestFailed ? error : new RequestFailed('other');
      if (failed.kind === 'unauthenticated') {
        window.location.assign(signInPath());
        return;
      }
      setMessage({ text: failed.kind === 'network' ? t('app.offline') : (failed.errors[0]?.message ?? t('app.failed', { code: failed.kind })), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="rsvp" onSubmit={submit}>
      <fieldset>
        <legend>
          {t('rsvp.label')}: <span className="current">{t(`rsvp.${saved}`)}</span>
        </legend>
        <div className="choices">
          {choices.map((choice) => (
            <label key={choice} className="choice">
              <input type="radio" name={`${id}-answer`} value={choice} checked={draft.answer === choice} onChange={() => change({ ...draft, answer: choice })} />
              {choice === 'SUBSTITUTE' && substituteLabel ? `${t('rsvp.SUBSTITUTE')} (${substituteLabel})` : t(`rsvp.${choice}`)}
            </label>
          ))}
        </div>
        {draft.answer === 'SUBSTITUTE' && !substituteLabel && (
          <div className="stack">
            <label htmlFor={`${id}-substitute`}>{t('rsvp.substituteName')}</label>
            <input id={`${id}-substitute`} value={draft.substituteName} maxLength={200} onChange={(e) => change({ ...draft, substituteName: e.target.value })} />
          </div>
        )}
      </fieldset>
      <button type="submit" disabled={busy || draft.answer === 'PENDING'}>
        {t('rsvp.save')}
      </button>
      <p role="status" className={message?.error ? 'field-error' : 'saved'}>
        {message?.text}
      </p>
    </form>
  );
}
