import { describe, expect, it } from 'vitest';
import { LiaisonError } from '../../../../../shared/errors';
import { gcpFormFailure } from './gcp-form-failure';

describe('gcpFormFailure', () => {
  it('keeps the message beside the field and leaves only the remediation in the alert', () => {
    const error = new LiaisonError({
      code: 'GCP_PERMISSION_DENIED',
      field: 'serviceAccount',
      message: 'a lacks x',
      remediation: 'Grant x',
    });
    expect(gcpFormFailure(error, ['serviceAccount'])).toEqual({
      fieldErrors: { serviceAccount: 'a lacks x' },
      alert: { message: 'Grant x', remediation: undefined },
    });
  });

  it('leaves an error that belongs to no field as an alert with its remediation', () => {
    const error = new LiaisonError({ code: 'GCP_SERVICE_DISABLED', message: 'API off', remediation: 'Enable it' });
    expect(gcpFormFailure(error, ['projectId'])).toEqual({
      fieldErrors: {},
      alert: { message: 'API off', remediation: 'Enable it' },
    });
  });

  it('drops the alert when the field says it all', () => {
    const error = new LiaisonError({ code: 'INVALID_INPUT', field: 'projectId', message: 'Project ID is required' });
    expect(gcpFormFailure(error, ['projectId'])).toEqual({
      fieldErrors: { projectId: 'Project ID is required' },
      alert: undefined,
    });
  });
});
