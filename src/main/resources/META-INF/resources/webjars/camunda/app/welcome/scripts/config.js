// Jiuzhu's Welcome settings; replaces the webjar's scripts/config.js (ours comes first on the classpath).
import {appName, chinese} from '../../jiuzhu/language.js';
import '../../jiuzhu/login-page.js';
import '../../jiuzhu/engine-messages.js';
import '../../jiuzhu/chrome-words.js';
import '../../jiuzhu/time-zone.js';
import '../../jiuzhu/branding.js';

export default {
  app: appName('欢迎', 'Welcome'),
  locales: {availableLocales: ['zh', 'en'], fallbackLocale: chinese ? 'zh' : 'en'},
  // The locale's own formats (dateLocales): 2026年11月20日 09:30 in Chinese.
  dateFormat: {normal: 'LLL', long: 'LLLL'},
  // No pointer to Camunda's welcome page on the webapps' login view (it asks /camunda-welcome, which
  // our login would remember as the page to return to).
  disableWelcomeMessage: true,
  // The 链接 box points at the product's own pages, not at the vendor's English documentation.
  links: chinese ? [
    {label: '救助首页', href: '/', description: '各项业务与管理页面的入口'},
    {label: '统计分析', href: '/dashboard', description: '本单位及下级单位的申请、在办与逾期情况'}
  ] : [
    {label: 'Jiuzhu home', href: '/', description: 'All pages of the system'},
    {label: 'Dashboard', href: '/dashboard', description: 'Applications, open and overdue work of your unit'}
  ]
};
