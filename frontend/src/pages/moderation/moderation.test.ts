import { describe, expect, it } from 'vitest';
import { MAX_REPORT_TEXT, REPORT_CATEGORIES, reportBody } from './report-dialog';
import { auditPath } from './audit-log';
import { targetActions } from './moderation-page';
import { ACCESSIBILITY_FEATURES } from '../../core/accessibility';
import en from '../../locales/en';
import fa from '../../locales/fa';
import { match } from '../../core/router';

describe('reports', () => {
  it('send the reason and a trimmed, bounded text, and nothing about the reporter', () => {
    expect(reportBody('EVENT', 'abc', 'SPAM', '  ')).toEqual({ kind: 'EVENT', target: 'abc', category: 'SPAM' });
    const long = reportBody('ORGANIZATION', 'group', 'OTHER', 'x'.repeat(MAX_REPORT_TEXT + 10));
    expect(long.text).toHaveLength(MAX_REPORT_TEXT);
  });

  it('have a label for every category in both languages', () => {
    for (const c of REPORT_CATEGORIES) {
      expect(en.messages[`report.category.${c}` as keyof typeof en.messages]).toBeTruthy();
      expect(fa.messages[`report.category.${c}` as keyof typeof fa.messages]).toBeTruthy();
    }
  });
});

describe('moderation', () => {
  it('hides an event by its id, and the organization behind an organization or campaign report', () => {
    expect(targetActions({ kind: 'EVENT', targetId: 'e1', organizationId: 'o1' }).hide).toBe(
      '/api/v1/moderation/events/e1/hide',
    );
    expect(targetActions({ kind: 'CAMPAIGN', targetId: 'c1', organizationId: 'o1' }).restore).toBe(
      '/api/v1/moderation/organizations/o1/restore',
    );
  });

  it('has its own route', () => {
    expect(match('/dashboard/moderation').name).toBe('moderation');
  });
});

describe('the audit log', () => {
  it('pages with the cursor the server gave', () => {
    expect(auditPath('organizations', 'free voices')).toBe('/api/v1/organizations/free%20voices/audit?limit=50');
    expect(auditPath('campaigns', 'day', '123.abc')).toBe('/api/v1/campaigns/day/audit?limit=50&cursor=123.abc');
  });
});

describe('accessibility', () => {
  it('names every feature in both languages', () => {
    for (const f of ACCESSIBILITY_FEATURES) {
      expect(en.messages[`a11y.${f}` as keyof typeof en.messages]).toBeTruthy();
      expect(fa.messages[`a11y.${f}` as keyof typeof fa.messages]).toBeTruthy();
    }
  });
});
