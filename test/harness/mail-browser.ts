import type { ReceivedMail, SmtpSink } from './smtp-sink';

/** Waits for the mail to `address` whose subject matches, and returns it. */
export async function mailTo(smtp: SmtpSink, address: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
  const find = () => smtp.to(address).find((m) => subject.test(m.parsed.subject ?? ''));
  await smtp.waitFor(() => !!find(), timeoutMs);
  return find()!;
}

/** The action links in a mail, as a reader's mail client shows them (from the HTML part). */
export function actionLinks(mail: ReceivedMail): { label: string; url: string }[] {
  const html = typeof mail.parsed.html === 'string' ? mail.parsed.html : '';
  return [...html.matchAll(/<a href="([^"]*\/mail-actions\/[^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ url: decodeEntities(m[1]), label: decodeEntities(m[2]) }));
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

export interface PageResponse {
  status: number;
  html: string;
  headers: Headers;
}

/**
 * A browser without a screen: keeps cookies, GETs a page, reads its form
 * (action and hidden fields) and POSTs it as a browser would, with Origin.
 */
export class MailBrowser {
  private cookies = new Map<string, string>();

  async get(url: string): Promise<PageResponse> {
    const response = await fetch(url, { headers: this.headers(), redirect: 'manual' });
    return this.read(response);
  }

  /** Submits the first form of `page` with the given fields (hidden fields such as the CSRF token kept). */
  async submit(baseUrl: string, page: PageResponse, fields: Record<string, string>): Promise<PageResponse> {
    const form = /<form[^>]*method="post"[^>]*action="([^"]*)"/.exec(page.html);
    if (!form) throw new Error(`no form on the page:\n${page.html.slice(0, 2000)}`);
    const hidden = Object.fromEntries([...page.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], decodeEntities(m[2])]));
    return this.post(new URL(decodeEntities(form[1]), baseUrl).toString(), { ...hidden, ...fields });
  }

  async post(url: string, fields: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<PageResponse> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin, ...extraHeaders },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    return this.read(response);
  }

  clearCookies(): void {
    this.cookies.clear();
  }

  private headers(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private async read(response: Response): Promise<PageResponse> {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair.split('=');
      this.cookies.set(name.trim(), value.join('='));
    }
    return { status: response.status, html: await response.text(), headers: response.headers };
  }
}

/** The visible text of a page's <h1>. */
export function heading(html: string): string {
  return /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
}
