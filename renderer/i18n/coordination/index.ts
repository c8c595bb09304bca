// The planning screens' texts (Verzoeken, Capaciteit, Afspraken, Handhavers, Meldingen), merged into nl/en.
import { agreementsEn } from './agreements.en';
import { agreementsNl } from './agreements.nl';
import { capacityEn } from './capacity.en';
import { capacityNl } from './capacity.nl';
import { commonEn } from './common.en';
import { commonNl } from './common.nl';
import { officersEn } from './officers.en';
import { officersNl } from './officers.nl';
import { problemsEn } from './problems.en';
import { problemsNl } from './problems.nl';
import { requestsEn } from './requests.en';
import { requestsNl } from './requests.nl';

export const coordinationNl = { ...commonNl, ...problemsNl, ...requestsNl, ...capacityNl, ...agreementsNl, ...officersNl } as const;

export const coordinationEn: Record<keyof typeof coordinationNl, string> = { ...commonEn, ...problemsEn, ...requestsEn, ...capacityEn, ...agreementsEn, ...officersEn };
