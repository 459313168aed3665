import { describe, it, expect } from 'vitest';
import * as domain from './index';

describe('common/domain', () => {
  it('exposes the domain rules from one entry point', () => {
    for (const name of [
      'formatMoney',
      'parseMoney',
      'validatePesel',
      'maskPesel',
      'formatCaseNumber',
      'parseCaseNumber',
      'maskText',
      'initials',
      'isPublicHoliday',
      'publicHolidays',
      'serviceHoursOn',
      'canIssueTicketAt',
      'timetableSchema',
      'siteScheduleSchema',
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
  });
});
