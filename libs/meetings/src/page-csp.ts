/** The Content-Security-Policy of the HTML pages the meetings area serves itself (the minutes page, the registration cancel page). */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
