import { initLanguage } from './core/i18n';
import './shell/app-shell';

initLanguage();
