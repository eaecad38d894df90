import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-level memory cost). */
@Injectable()
export class PasswordService {
  // A fixed hash verified when an account does not exist, so a wrong email
  // takes as long as a wrong password and does not reveal which accounts exist.
  private decoy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    if (!hash) {
      this.decoy ??= this.hash('decoy-password-for-timing');
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
