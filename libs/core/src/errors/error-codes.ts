/** The codes a client can find in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The server's disk is full (or over quota): nothing was stored; try again later. HTTP 507. */
  STORAGE_FULL = 'STORAGE_FULL',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
