import { GraphQLFormattedError, Lexer, Source, TokenKind } from 'graphql';

/** The parser stops at the token limit; the refusal still says how many tokens the document has. */
export function withTokensFound(error: GraphQLFormattedError, query: string | undefined): GraphQLFormattedError {
  const extensions = error.extensions as Record<string, unknown> | undefined;
  if (extensions?.rule !== 'tokens' || extensions.found !== undefined || typeof query !== 'string') return error;
  const found = countTokens(query);
  return { ...error, extensions: { ...extensions, found, params: { ...(extensions.params as object), found } } };
}

/** Tokens in a document as graphql-js counts them (up to the first lexical error). */
export function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error further on: the tokens before it are what the parser saw.
  }
  return count;
}

