// Hulp: the first exchange with a partner in four steps, each with a link to where it is done (Uitwisselen).
import { PageHeading } from '../../components/page-heading';
import { useI18n } from '../../i18n/t';
import type { UiKey } from '../../i18n/t';
import { useIsDemo } from '../settings/demo-state';
import './guide.css';

interface Step {
  title: UiKey;
  text: UiKey[];
  link: UiKey;
}

const STEPS: Step[] = [
  { title: 'guide.step1.title', text: ['guide.step1.a', 'guide.step1.b'], link: 'guide.toPartners' },
  { title: 'guide.step2.title', text: ['guide.step2.a', 'guide.step2.b', 'guide.step2.c', 'guide.step2.d'], link: 'guide.toPartners' },
  { title: 'guide.step3.title', text: ['guide.step3.a', 'guide.step3.b'], link: 'guide.toExport' },
  { title: 'guide.step4.title', text: ['guide.step4.a', 'guide.step4.b', 'guide.step4.c'], link: 'guide.toImport' },
];

export function GuideView() {
  const { t } = useI18n();
  const demo = useIsDemo();
  // Keys without parameters: the typed t needs no second argument for them.
  const plain = (key: UiKey) => (t as (k: UiKey) => string)(key);
  return (
    <>
      <PageHeading>{t('guide.title')}</PageHeading>
      <p className="lead">{t('guide.lead')}</p>
      <h2>{t('guide.steps')}</h2>
      <ol className="guide-steps">
        {STEPS.map((step, i) => (
          <li key={step.title} className="guide-step">
            <h3 id={`guide-step-${i + 1}`}>
              <span className="guide-step__n">{t('guide.step', { n: i + 1 })}</span> {plain(step.title)}
            </h3>
            {step.text.map((key) => (
              <p key={key}>{plain(key)}</p>
            ))}
            {demo && i === 2 && <p className="panel panel--warning">{t('guide.step3.demo')}</p>}
            <p>
              <a href="#/uitwisselen">{plain(step.link)}</a>
            </p>
          </li>
        ))}
      </ol>
      <h2>{t('guide.after')}</h2>
      <p>{t('guide.after.a')}</p>
      <p>{t('guide.after.b')}</p>
    </>
  );
}
