// English texts the planning screens share.
import type { commonNl } from './common.nl';

export const commonEn: Record<keyof typeof commonNl, string> = {
  'common.busy': 'Working…',
  'common.cancel': 'Cancel',
  'screen.meldingen': 'Problems',
  'rule.ATW_SHIFT_TOO_LONG': 'Shift too long',
  'rule.ATW_NIGHT_SHIFT_TOO_LONG': 'Night shift too long',
  'rule.ATW_REST_TOO_SHORT': 'Rest too short',
  'rule.ATW_WEEK_TOO_LONG': 'Too many hours in a week',
  'rule.ATW_FOUR_WEEK_AVERAGE': 'Four-week average too high',
  'rule.OFFICER_DOUBLE_BOOKED': 'Double booked',
  'rule.OFFICER_ABSENT': 'Planned while absent',
  'rule.AKTE_EXPIRED': 'Akte not valid',
  'rule.OUTSIDE_WERKGEBIED': 'Outside werkgebied',
  'rule.QUALIFICATION_MISSING': 'Qualification missing',
  'rule.TRAFFIC_APPOINTMENT_EXPIRED': 'Traffic controller appointment expired',
  'rule.PAIRS_INCOMPLETE': 'Pair incomplete',
  'rule.NO_AGREEMENT_IN_FORCE': 'No agreement in force',
  'rule.CAP_EXCEEDED': 'Hour cap exceeded',
  'rule.MANDATE_EXCEEDED': 'Beyond the mandate',
  'rule.RISK_CLASS_MISSING': 'Risk class missing',
};
