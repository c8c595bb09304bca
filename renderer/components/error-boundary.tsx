// Last line of defence: a rendering bug shows a Dutch explanation and a reload button, never a blank window.
import { Component, type ReactNode } from 'react';
import { translator } from '../i18n/t';
import { useLocaleStore } from '../i18n/locale-store';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('[regie] screen failed:', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    // Hooks are not available in a class component, so read the locale directly.
    const t = translator(useLocaleStore.getState().locale);
    return (
      <main className="page">
        <div className="panel panel--error" role="alert">
          <h1 className="panel__title">{t('error.title')}</h1>
          <p>{t('error.screen')}</p>
          <button type="button" className="button" onClick={() => location.reload()}>
            {t('error.reload')}
          </button>
        </div>
      </main>
    );
  }
}
