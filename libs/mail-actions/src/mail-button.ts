import { SafeHtml, html } from '@samverkan/mail';

export interface MailButton {
  label: string;
  url: string;
}

/**
 * Buttons for a mail: plain links styled as buttons (mail clients run no
 * script and many drop <style>), big enough to tap, with the URL also in the
 * plain-text part. Each opens a page that asks for confirmation.
 */
export function mailButtons(buttons: MailButton[]): { html: SafeHtml; text: string } {
  const links = buttons.map(
    (button) =>
      html`<a href="${button.url}" style="display: inline-block; margin: 0 0.5em 0.5em 0; padding: 0.7em 1.2em; background: #0b5394; color: #ffffff; font-weight: bold; text-decoration: none; border-radius: 4px;">${button.label}</a>`,
  );
  return {
    html: html`<p>${links}</p>`,
    text: buttons.map((button) => `${button.label}: ${button.url}`).join('\n'),
  };
}
