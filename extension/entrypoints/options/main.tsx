import { render } from 'preact';
import { t, uiLanguage } from '../../lib/i18n';
import { App } from './App';

// index.html is static (no __MSG__ in HTML): its title and language come from the browser's.
document.title = t('options_pageTitle');
document.documentElement.lang = uiLanguage();

render(<App />, document.getElementById('app')!);
