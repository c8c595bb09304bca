// Listens on every screen for plan files: opened with the app, dropped on the window, or asked for in the
// menu (Importeren/Exporteren), and takes the user to Uitwisselen, where nothing is imported before the
// preview and a confirmation.
import { useEffect } from 'react';
import { navigate } from '../../routing/routes';
import { baseName, desktop } from './file-transfer';
import { useExchangeStore } from './exchange-store';

export const EXCHANGE_PATH = '/uitwisselen';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function ExchangeWindowListener() {
  useEffect(() => {
    // Without this a dropped file would replace the app in the window (or be downloaded again).
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      useExchangeStore.getState().drop(file);
      navigate(EXCHANGE_PATH);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    const shell = desktop();
    const stopFiles = shell?.onOpenFile((path) => {
      // Main allowed this path when it handed it over; it serves as the file's id.
      useExchangeStore.getState().open({ fileId: path, name: baseName(path) });
      navigate(EXCHANGE_PATH);
    });
    const stopMenu = shell?.onMenu(({ action }) => {
      useExchangeStore.getState().ask(action);
      navigate(EXCHANGE_PATH);
    });
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
      stopFiles?.();
      stopMenu?.();
    };
  }, []);
  return null;
}
