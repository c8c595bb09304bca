// A screen's h1. It takes focus when the screen opens, so keyboard and screen-reader users start at the top
// of the new content instead of somewhere in the old one; it also names the browser tab.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/t';

export function PageHeading({ children, focus = true }: { children: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  useEffect(() => {
    document.title = t('app.pageTitle', { page: children });
  }, [children, t]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
