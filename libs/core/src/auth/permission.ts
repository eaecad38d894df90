import { SetMetadata } from '@nestjs/common';

/**
 * What the global guard checks before a resolver runs. Finer checks ("is this
 * person on the secretariat of that commission?") live in the services, in bulk.
 */
export enum Permission {
  /** Anyone, signed in or not (login, public registrations). */
  Public = 'public',
  /** Any signed-in person; the service decides per resource. */
  Authenticated = 'authenticated',
  /** Global administrators only. */
  Admin = 'admin',
}

export const PERMISSION_KEY = 'samverkan:permission';

/** Declares who may call a resolver or route. Without it the guard denies. */
export const Allow = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);
