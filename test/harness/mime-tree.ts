/**
 * The MIME structure of a raw message (RFC 2045/2046), read without the
 * library that wrote it: which parts nest in which multipart, with their
 * content types and parameters. mailparser gives the decoded content but
 * flattens the tree; a calendar client cares about the tree.
 */
export interface MimePart {
  /** Lower-case type/subtype, e.g. `multipart/alternative`. */
  type: string;
  /** Content-Type parameters, names lower-cased (`method`, `charset`, `boundary`, `name`). */
  params: Record<string, string>;
  /** Headers of the part, names lower-cased, folded lines joined. */
  headers: Record<string, string>;
  children: MimePart[];
}

export function mimeTree(raw: string): MimePart {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] ??= line.slice(colon + 1).trim();
  }
  const [typeText, ...paramTexts] = (headers['content-type'] ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const text of paramTexts) {
    const eq = text.indexOf('=');
    if (eq > 0) params[text.slice(0, eq).trim().toLowerCase()] = text.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  const type = typeText.trim().toLowerCase();
  const children: MimePart[] = [];
  if (type.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const sections = body.split(new RegExp(`^${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(--)?[ \\t]*\\r?$`, 'm'));
    // sections: preamble, part, (closing marker or undefined), part, ..., epilogue
    for (let i = 1; i < sections.length - 1; i += 2) {
      if (sections[i] === '--') break;
      const section = sections[i + 1];
      if (section === undefined) break;
      children.push(mimeTree(section.replace(/^\r?\n/, '')));
    }
  }
  return { type, params, headers, children };
}

/** One line per part, indented by depth: `multipart/mixed`, `  text/calendar; method=REQUEST`. */
export function mimeOutline(part: MimePart, depth = 0): string[] {
  const method = part.params.method ? `; method=${part.params.method}` : '';
  const name = part.params.name ? `; name=${part.params.name}` : '';
  return [`${'  '.repeat(depth)}${part.type}${method}${name}`, ...part.children.flatMap((child) => mimeOutline(child, depth + 1))];
}
