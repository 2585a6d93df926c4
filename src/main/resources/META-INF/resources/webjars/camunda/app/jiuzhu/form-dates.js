// Date fields of Camunda Forms (form-js 1.8 in Tasklist). form-js builds each date picker (flatpickr) in
// the browser's default Intl locale (month/day/year in most browsers, whatever the page's language)
// and with flatpickr's English calendar: 2026-12-06 typed in became 8/6/2027. Every date picker of our
// forms is set, once form-js has built it, to yyyy-MM-dd — the form it is stored in — with a Chinese
// calendar. A date typed in is kept as typed (no maximum here, which would silently empty the field);
// the server says in words when a date is in the future or before the application.
import {chinese} from './language.js';

const MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

const CHINESE_CALENDAR = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {shorthand: MONTHS, longhand: MONTHS},
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};

const DATE_FORMAT = 'Y-m-d';
const PLACEHOLDER = '年-月-日，例如 2026-01-31';
const TRIES = 50;

function configure(input, triesLeft) {
  const picker = input._flatpickr;
  if (!picker) {
    // form-js creates the picker in an effect after the field is in the page.
    if (triesLeft > 0) {
      setTimeout(() => configure(input, triesLeft - 1), 20);
    }
    return;
  }
  if (picker.jiuzhuConfigured) {
    return;
  }
  picker.jiuzhuConfigured = true;
  picker.set({
    locale: chinese ? CHINESE_CALENDAR : 'default',
    dateFormat: DATE_FORMAT,
    ariaDateFormat: chinese ? 'Y年n月j日' : 'Y-m-d'
  });
  input.setAttribute('placeholder', chinese ? PLACEHOLDER : 'yyyy-mm-dd');
}

function configureAll(root) {
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const inputs = root.matches('.fjs-datepicker input') ? [root] : root.querySelectorAll('.fjs-datepicker input');
  inputs.forEach(input => configure(input, TRIES));
}

if (typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      mutation.addedNodes.forEach(configureAll);
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
}
