// Jiuzhu's Admin settings; replaces the webjar's scripts/config.js (ours comes first on the classpath).
import {appName, chinese} from '../../jiuzhu/language.js';
import '../../jiuzhu/login-page.js';
import '../../jiuzhu/engine-messages.js';
import '../../jiuzhu/chrome-words.js';
import '../../jiuzhu/time-zone.js';
import '../../jiuzhu/branding.js';

export default {
  app: appName('用户与权限', 'Admin'),
  locales: {availableLocales: ['zh', 'en'], fallbackLocale: chinese ? 'zh' : 'en'},
  // The locale's own formats (dateLocales): 2026年11月20日 09:30 in Chinese.
  dateFormat: {normal: 'LLL', long: 'LLLL'},
  // No pointer to Camunda's welcome page on the webapps' login view (it asks /camunda-welcome, which
  // our login would remember as the page to return to).
  disableWelcomeMessage: true
};
