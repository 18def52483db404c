/** Library, export and import: moving scenarios in and out of the app. */
import { AppError } from '../../core/errors';
import type { Handlers } from '../ipc/adapter';
import type { DocumentDeps } from './document';

type ExchangeChannels = 'newFromLibrary' | 'libraryCrises' | 'insertLibraryCrisis' | 'exportScenario' | 'revealExport' | 'importScenario';

export function exchangeHandlers(deps: DocumentDeps): Pick<Handlers, ExchangeChannels> {
  void deps;
  const pending = (): never => {
    throw new AppError('INTERNAL', 'Not wired yet.');
  };
  return {
    newFromLibrary: pending,
    libraryCrises: pending,
    insertLibraryCrisis: pending,
    exportScenario: pending,
    revealExport: pending,
    importScenario: pending,
  };
}
