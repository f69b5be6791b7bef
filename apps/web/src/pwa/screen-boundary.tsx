// A screen that cannot load (its code is not on this device and there is no network) says so;
// without this React unmounts the whole app and the usher sees a blank white page.
import { Component, type ReactNode } from 'react';
import { translate } from '../i18n/i18n.ts';

interface State {
  error: Error | null;
}

export class ScreenBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    // A class component: the words as they are when it draws (a language switch redraws the app).
    const t = translate('app');
    return (
      <div className="screen">
        <p className="banner error" role="alert">
          {t('screenFailed', { error: this.state.error.message })}
        </p>
        <button type="button" className="secondary" onClick={() => location.reload()}>
          {t('reload')}
        </button>
      </div>
    );
  }
}
