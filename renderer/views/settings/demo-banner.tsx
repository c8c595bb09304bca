// The voorbeeldregio's banner on every screen: says that nothing is real, and removes the demo in one step.
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/t';
import { DemoRemoveButton } from './demo-removal';
import { useIsDemo } from './demo-state';
import './settings.css';

export function DemoBanner() {
  const { t } = useI18n();
  const demo = useIsDemo();
  // Written after the first render, so screen readers announce it once when the app opens in the demo.
  const [text, setText] = useState('');
  useEffect(() => {
    setText(demo ? t('demo.bannerText') : '');
  }, [demo, t]);
  if (!demo) return null;
  return (
    <section className="demo-banner" aria-label={t('demo.banner')}>
      <div className="demo-banner__inner">
        <p className="demo-banner__text" role="status">
          {text}
        </p>
        <DemoRemoveButton className="button demo-banner__button" />
      </div>
    </section>
  );
}
