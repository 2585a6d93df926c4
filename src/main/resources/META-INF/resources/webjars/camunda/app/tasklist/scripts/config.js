// Jiuzhu's Tasklist settings; replaces the webjar's scripts/config.js (ours comes first on the classpath).
import {appName, chinese} from '../../jiuzhu/language.js';
import '../../jiuzhu/login-page.js';
import '../../jiuzhu/engine-messages.js';
import '../../jiuzhu/chrome-words.js';
import '../../jiuzhu/branding.js';
import '../../jiuzhu/form-messages.js';
import '../../jiuzhu/time-zone.js';
import '../../jiuzhu/tasklist-official.js';

export default {
  app: appName('任务列表', 'Tasklist'),
  locales: {availableLocales: ['zh', 'en'], fallbackLocale: chinese ? 'zh' : 'en'},
  // The locale's own formats (dateLocales): 2026年11月20日 09:30 in Chinese.
  dateFormat: {normal: 'LLL', long: 'LLLL'},
  // No pointer to Camunda's welcome page on the webapps' login view (it asks /camunda-welcome, which
  // our login would remember as the page to return to).
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: chinese ? '认领当前选中的任务' : 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: chinese ? '跳到第一个过滤器' : 'sets the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: chinese ? '跳到列表中的第一个任务' : 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: chinese ? '跳到任务表单的第一个输入框' : 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: chinese ? '打开“发起流程”对话框' : 'opens the start process dialog'}
  }
};
