import { SiblingUnavailableError, type ServiceName } from '../clients/failures.js';
import { parseInputDate } from '../domain/dates.js';
import { ValidationError } from '../errors.js';

/** A sibling's date-time (offset-less = UTC); an impossible date is a contract failure. */
export function siblingDate(value: string, service: ServiceName, failureMessage: string): Date {
  try {
    return parseInputDate(value, 'date');
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    throw new SiblingUnavailableError(service, failureMessage, 'contract', `${service}: invalid date-time ${JSON.stringify(value)}`);
  }
}
