/**
 * A report page's address in the language the application shows: the page is
 * rendered by the API, which would otherwise follow the browser's
 * Accept-Language before the reader's saved language.
 */
export function reportHref(url: string, locale: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${encodeURIComponent(locale)}`;
}
