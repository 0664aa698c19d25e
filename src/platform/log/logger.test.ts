import { describe, expect, it } from 'vitest';
import { loggableUrl } from './logger.ts';

describe('request URLs in the log', () => {
  it('hide the credential in webhook, action-link and calendar-feed paths', () => {
    expect(loggableUrl('/integrations/alertmanager/tdi_abc-DEF_123')).toBe(
      '/integrations/alertmanager/[redacted]',
    );
    expect(loggableUrl('/integrations/generic/tdi_abc?x=1')).toBe('/integrations/generic/[redacted]?x=1');
    expect(loggableUrl('/actions/AbC123')).toBe('/actions/[redacted]');
    expect(loggableUrl('/feeds/tdmcal_secret.ics')).toBe('/feeds/[redacted]');
  });

  it('leave every other path as it is', () => {
    expect(loggableUrl('/v2/enqueue')).toBe('/v2/enqueue');
    expect(loggableUrl('/api/v1/engagements/e1/integrations/i1')).toBe(
      '/api/v1/engagements/e1/integrations/i1',
    );
  });
});
