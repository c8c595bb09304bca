// Texts of the first run's choice, the voorbeeldregio, Instellingen and the built-in guide, merged into nl/en.
import { firstRunEn, firstRunNl } from '../views/first-run/i18n';
import { guideEn, guideNl } from '../views/guide/i18n';
import { devicesEn, devicesNl } from '../views/settings/devices/i18n';
import { settingsEn, settingsNl } from '../views/settings/i18n';

export const onboardingNl = { ...firstRunNl, ...settingsNl, ...devicesNl, ...guideNl } as const;

export const onboardingEn: Record<keyof typeof onboardingNl, string> = { ...firstRunEn, ...settingsEn, ...devicesEn, ...guideEn };
