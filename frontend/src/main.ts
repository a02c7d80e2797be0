import { initLanguage } from './core/i18n';
import './shell/app-shell';
import { registerServiceWorker } from './pwa/offline';

initLanguage();
registerServiceWorker();
