import { BadInputError, ConflictError, registerMessages } from '@samverkan/core';

registerMessages({
  'mail.invalidAddress': {
    sv: 'E-postadressen {address} kan inte användas för utskick.',
    da: 'E-mailadressen {address} kan ikke bruges til udsendelse.',
    en: 'The email address {address} cannot be used for sending.',
  },
  'mail.notResendable': {
    sv: 'Meddelandet skickas redan och kan inte skickas om just nu.',
    da: 'Beskeden er ved at blive sendt og kan ikke sendes igen lige nu.',
    en: 'The mail is being sent right now and cannot be resent.',
  },
});

export class InvalidMailAddressError extends BadInputError {
  constructor(address: string) {
    // The address is shown flattened so a CR/LF in it cannot reach a log line or a client as a line break.
    super('mail.invalidAddress', { address: JSON.stringify(address).slice(1, -1).slice(0, 100) }, { field: 'address' });
  }
}

export class MailNotResendableError extends ConflictError {
  constructor(id: string) {
    super('mail.notResendable', {}, { id });
  }
}
