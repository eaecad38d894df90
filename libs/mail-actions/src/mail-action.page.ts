import { LOCALES, Locale, Translated, interpolate } from '@samverkan/core';
import { SafeHtml, escapeHtml, html } from '@samverkan/mail';
import { PageField } from './mail-action.registry';
import { PAGE_TEXTS } from './mail-actions.messages';

const LANGUAGE_NAMES: Record<Locale, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };

/**
 * The small pages behind mail buttons: server-rendered HTML, no script, one
 * stylesheet, readable on a phone (WCAG 2.1 AA: labels, legends, error summary
 * linked to fields, visible focus, 44 px targets, contrast ≥ 4.5:1).
 */
export const PAGE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#fff}
.top{background:#0b3d6b;color:#fff;padding:.75rem 1rem}
.top p{margin:0;font-weight:700}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem}
a{color:#0b4f8a}
a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #b35900;outline-offset:2px}
.lang ul{list-style:none;margin:0 0 1rem;padding:0;display:flex;gap:1rem;flex-wrap:wrap}
.lang a,.lang span{display:inline-block;min-height:44px;padding:.6rem 0}
.lang span{font-weight:700}
.note{color:#4a4a4a;font-size:.95rem}
label,legend{display:block;font-weight:700;margin-bottom:.25rem}
fieldset{border:1px solid #8a8a8a;border-radius:4px;margin:0 0 1.25rem;padding:.75rem 1rem}
fieldset fieldset{border:none;padding:0;margin:.75rem 0 0}
.field{margin-bottom:1.25rem}
.hint{display:block;color:#4a4a4a;font-weight:400;margin-bottom:.35rem}
.error{display:block;color:#b00020;font-weight:700;margin-bottom:.35rem}
input[type=text],input[type=email],textarea{width:100%;font:inherit;padding:.6rem;border:2px solid #555;border-radius:4px;min-height:44px;background:#fff;color:#1b1b1b}
textarea{min-height:7rem}
[aria-invalid=true]{border-color:#b00020}
.choice{display:flex;align-items:center;gap:.6rem;min-height:44px}
.choice input{width:1.5rem;height:1.5rem;margin:0}
.choice label{font-weight:400;margin:0}
button{font:inherit;font-weight:700;color:#fff;background:#0b5394;border:2px solid #0b5394;border-radius:4px;padding:.7rem 1.4rem;min-height:48px;cursor:pointer;width:100%}
button:hover{background:#083b6a}
@media (min-width:30rem){button{width:auto}}
.error-summary{border:3px solid #b00020;padding:1rem;margin-bottom:1.5rem}
.error-summary h2{margin-top:0}
.panel{border-left:6px solid #0b5394;background:#eef4fa;padding:1rem;margin:1rem 0}
.problem{border-left-color:#b00020;background:#fdf0f1}
`;

export interface PageFrame {
  locale: Locale;
  title: string;
  /** The page's own path, for the language links (they keep the query, change `lang`). */
  path?: string;
  query?: Record<string, string>;
}

export function page(frame: PageFrame, body: SafeHtml): string {
  const { locale } = frame;
  const languages = frame.path
    ? html`<nav class="lang" aria-label="${PAGE_TEXTS.language[locale]}"><ul>${LOCALES.map((l) =>
        l === locale
          ? html`<li><span lang="${l}" aria-current="true">${LANGUAGE_NAMES[l]}</span></li>`
          : html`<li><a href="${frame.path}?${new URLSearchParams({ ...frame.query, lang: l }).toString()}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
      )}</ul></nav>`
    : '';
  return html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${frame.title} – Samverkan</title>
<link rel="stylesheet" href="/mail-actions/assets/page.css">
</head>
<body>
<header class="top"><p>${PAGE_TEXTS.brand[locale]}</p></header>
<main id="main">
${languages}
${body}
</main>
</body>
</html>`.value;
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface FormState {
  values: Record<string, string>;
  /** field name → message */
  fieldErrors: Map<string, string>;
  /** messages not tied to a field (e.g. the gender rule) */
  errors: string[];
}

/** Every labelled input of a form, flattened (for error texts). */
export function flatFields(fields: PageField[]): Exclude<PageField, { kind: 'group' }>[] {
  return fields.flatMap((f) => (f.kind === 'group' ? flatFields(f.fields) : [f]));
}

export function errorSummary(locale: Locale, state: FormState): SafeHtml | '' {
  if (state.errors.length === 0 && state.fieldErrors.size === 0) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${PAGE_TEXTS.errorSummary[locale]}</h2>
<ul>
${state.errors.map((message) => html`<li>${message}</li>`)}
${[...state.fieldErrors.entries()].map(([name, message]) => html`<li><a href="#${fieldId(name)}">${message}</a></li>`)}
</ul>
</div>`;
}

export function renderFields(fields: PageField[], locale: Locale, state: FormState): SafeHtml {
  return html`${fields.map((field) => renderField(field, locale, state))}`;
}

function renderField(field: PageField, locale: Locale, state: FormState): SafeHtml {
  if (field.kind === 'group') {
    return html`<fieldset><legend>${field.legend[locale]}</legend>${renderFields(field.fields, locale, state)}</fieldset>`;
  }
  const id = fieldId(field.name);
  const error = state.fieldErrors.get(field.name);
  const hintId = field.hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const hint = field.hint ? html`<span class="hint" id="${hintId}">${field.hint[locale]}</span>` : '';
  const errorLine = error ? html`<span class="error" id="${errorId}">${error}</span>` : '';
  const required = field.required ? html` <span class="note">(${PAGE_TEXTS.required[locale]})</span>` : '';
  const value = state.values[field.name] ?? '';
  const common = new SafeHtml(
    [
      `name="${escapeHtml(field.name)}"`,
      field.required ? 'required aria-required="true"' : '',
      error ? 'aria-invalid="true"' : '',
      describedBy ? `aria-describedby="${describedBy}"` : '',
    ]
      .filter(Boolean)
      .join(' '),
  );
  if (field.kind === 'radio') {
    // The fieldset carries the field's id, so the error summary's link (#f-name) lands on the group of choices.
    return html`<fieldset class="field" id="${id}" tabindex="-1"${describedBy ? new SafeHtml(` aria-describedby="${describedBy}"`) : ''}>
<legend>${field.label[locale]}${required}</legend>${hint}${errorLine}
${field.options.map((option, index) => {
  const optionId = `${id}-${index}`;
  return html`<div class="choice"><input type="radio" id="${optionId}" name="${field.name}" value="${option.value}"${value === option.value ? new SafeHtml(' checked') : ''}${field.required ? new SafeHtml(' required') : ''}${error ? new SafeHtml(' aria-invalid="true"') : ''}><label for="${optionId}">${option.label[locale]}</label></div>`;
})}
</fieldset>`;
  }
  const max = field.maxLength ? new SafeHtml(` maxlength="${field.maxLength}"`) : '';
  const autocomplete = field.autocomplete ? new SafeHtml(` autocomplete="${escapeHtml(field.autocomplete)}"`) : '';
  const input =
    field.kind === 'textarea'
      ? html`<textarea id="${id}" ${common}${max} rows="5">${value}</textarea>`
      : html`<input type="${field.kind}" id="${id}" ${common}${max}${autocomplete} value="${value}"${field.kind === 'email' ? new SafeHtml(' inputmode="email" spellcheck="false"') : ''}>`;
  return html`<div class="field"><label for="${id}">${field.label[locale]}${required}</label>${hint}${errorLine}${input}</div>`;
}

export function text(texts: Translated, locale: Locale, params: Record<string, unknown> = {}): string {
  return interpolate(texts[locale], params);
}
