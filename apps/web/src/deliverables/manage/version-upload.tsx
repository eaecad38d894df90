import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { ErrorSummary, FieldProblem, described, signInAgain, useProblems, type FieldError } from '../../core/form';
import { fileSize } from '../../core/format';
import { useI18n } from '../../core/i18n';
import './deliverables.css';

export interface UploadLimitsView {
  maxBytes: number;
  maxSizeText: string;
  extensions: readonly string[];
}

interface Progress {
  loaded: number;
  total: number;
}

/** Why a file may not be sent, said before a byte goes out (the server checks the same again, by the content). */
export function refusalOf(file: File, limits: UploadLimitsView, t: ReturnType<typeof useI18n>['t'], locale: string): string | null {
  const ending = /\.([A-Za-z0-9]{1,8})$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!limits.extensions.includes(ending)) return t('deliverables.upload.wrongType', { filename: file.name });
  if (file.size === 0) return t('deliverables.upload.noFile');
  if (file.size > limits.maxBytes) return t('deliverables.upload.tooLarge', { size: fileSize(file.size, locale), max: limits.maxSizeText });
  return null;
}

/**
 * Uploads a new version of a deliverable: drop a file on the area, or choose it
 * with the file field (the keyboard's way). A file over the limit or of a kind
 * not accepted is refused at the field before it is sent, with the limit named;
 * the server refuses the same again. Large files show their progress
 * (XMLHttpRequest's upload events: fetch reports none for a request body).
 */
export default function VersionUpload({ deliverableId, limits, onUploaded }: { deliverableId: string; limits: UploadLimitsView; onUploaded(): void }) {
  const { t, locale } = useI18n();
  const { errors, setErrors, summary } = useProblems();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [announced, setAnnounced] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function choose(chosen: File | null) {
    setFile(chosen);
    setProgress(null);
    setAnnounced('');
    if (!chosen) return;
    const refusal = refusalOf(chosen, limits, t, locale);
    setErrors(refusal ? [{ field: 'file', message: refusal }] : []);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) choose(dropped);
  }

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: FieldError[] = [];
    const refusal = file ? refusalOf(file, limits, t, locale) : t('deliverables.upload.noFile');
    if (refusal) problems.push({ field: 'file', message: refusal });
    if (problems.length || !file) return setErrors(problems);
    const form = new FormData();
    form.append('file', file, file.name);
    if (note.trim()) form.append('note', note.trim());
    const xhr = new XMLHttpRequest();
    let lastTenth = -1;
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      setProgress({ loaded: e.loaded, total: e.total });
      // Said to screen readers in steps of ten per cent, not at every event.
      const tenth = Math.floor((e.loaded / e.total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        setAnnounced(t('deliverables.upload.sending', { percent: tenth * 10 }));
      }
    };
    xhr.onload = () => {
      setBusy(false);
      let body: { number?: number; code?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        body = {};
      }
      if (xhr.status === 201) {
        setProgress({ loaded: file.size, total: file.size });
        setAnnounced(t('deliverables.upload.done', { number: body.number ?? '' }));
        setErrors([]);
        setFile(null);
        setNote('');
        if (input.current) input.current.value = '';
        onUploaded();
        return;
      }
      if (xhr.status === 401) return signInAgain();
      setProgress(null);
      setAnnounced('');
      setErrors([{ field: 'file', message: body.message ?? t('app.failed', { code: String(xhr.status) }) }]);
    };
    xhr.onerror = () => {
      setBusy(false);
      setProgress(null);
      setAnnounced('');
      setErrors([{ field: 'file', message: t('app.offline') }]);
    };
    xhr.open('POST', `/deliverables/${deliverableId}/versions`);
    xhr.setRequestHeader('accept-language', locale);
    setBusy(true);
    setErrors([]);
    setProgress({ loaded: 0, total: file.size });
    setAnnounced(t('deliverables.upload.sending', { percent: 0 }));
    xhr.send(form);
  }

  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">{t('deliverables.upload.title')}</h2>
      <ErrorSummary ref={summary} errors={errors} />
      <form onSubmit={send} noValidate aria-labelledby="upload-title" className="stack">
        <div
          className={dragging ? 'dl-drop dragging' : 'dl-drop'}
          id="upload-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('deliverables.upload.drop')}</p>
          <label htmlFor="file">{t('deliverables.upload.file')}</label>
          <p id="file-hint" className="hint">
            {t('deliverables.upload.limits', { max: limits.maxSizeText })}
          </p>
          <input
            ref={input}
            id="file"
            type="file"
            accept={limits.extensions.map((e) => `.${e}`).join(',')}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            {...described('file', errors, 'file-hint')}
          />
          <FieldProblem id="file" errors={errors} />
          {file && (
            <p className="secondary" id="file-chosen">
              {t('deliverables.upload.chosen', { filename: file.name, size: fileSize(file.size, locale) })}
            </p>
          )}
        </div>
        <label htmlFor="note">{t('deliverables.upload.note')}</label>
        <input id="note" type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" disabled={busy}>
          {t('deliverables.upload.send')}
        </button>
        {progress && (
          <>
            <label htmlFor="upload-progress">{t('deliverables.upload.progress')}</label>
            <progress id="upload-progress" className="dl-progress" max={100} value={percent}>
              {percent} %
            </progress>
          </>
        )}
        <p role="status" id="upload-status" className="saved">
          {announced}
        </p>
      </form>
    </section>
  );
}
