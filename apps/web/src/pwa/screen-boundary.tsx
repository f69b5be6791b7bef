// A screen that cannot load (its code is not on this device and there is no network) says so;
// without this React unmounts the whole app and the usher sees a blank white page.
import { Component, type ReactNode } from 'react';

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
    return (
      <div className="screen">
        <p className="banner error" role="alert">
          This screen could not be opened: {this.state.error.message}. Nothing recorded on this
          device is affected. Connect to the network and reload to try again.
        </p>
        <button type="button" className="secondary" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
