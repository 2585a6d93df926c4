// What Tasklist offers an official. A task's due date is set by the rules of its process (or by an
// administrator), free tasks are the administrators' too: the server refuses both (EngineRequestGuard),
// and here the controls are not offered. The official keeps seeing the due date and sets their own
// follow-up date. The task priority (always 50) means nothing to anyone and is not shown; the case's
// columns (申请编号, applicant, village: TasklistFilterSetup) show in full, one a line, not folded away.
import {isAdministrator} from './administrator.js';
import {chinese} from './language.js';

const style = document.createElement('style');
style.textContent = `
  .column.tasks-list .priority { display: none; }
  .column.tasks-list .task-card-details { max-height: none; padding-bottom: 0; }
  .column.tasks-list .task-card-details .shutter { display: none; }
  .column.tasks-list .task-card-details .col-lg-6 { width: 100%; }
  .column.tasks-list .task-card-details .variable-item > span { width: auto; padding-right: 0; }
  html.jiuzhu-official li.create-task-action { display: none; }
  html.jiuzhu-official [cam-tasklist-task-meta] .due-date[cam-widget-inline-field] { cursor: default; }
  html.jiuzhu-official [cam-tasklist-task-meta] .reset-due-date { display: none; }
  html.jiuzhu-official [cam-tasklist-task-meta] li:has(> .due-date[cam-widget-inline-field] > a) { display: none; }
`;
document.head.appendChild(style);

// Until we know, the user is an official: nothing to take back from anyone who is not an administrator.
document.documentElement.classList.add('jiuzhu-official');

// The due-date field also opens with the keyboard (it takes the focus with Tab).
for (const type of ['keydown', 'click', 'focusin']) {
  document.addEventListener(type, event => {
    const field = event.target instanceof Element
      && event.target.closest('[cam-tasklist-task-meta] .due-date[cam-widget-inline-field]');
    if (field && document.documentElement.classList.contains('jiuzhu-official')) {
      event.preventDefault();
      event.stopPropagation();
      if (type === 'focusin') {
        field.blur();
      }
    }
  }, true);
}

isAdministrator().then(administrator => {
  if (administrator) {
    document.documentElement.classList.remove('jiuzhu-official');
  }
}).catch(() => {});

// The task header's date picker (follow-up date) comes with English month and weekday names whatever the
// language; in Chinese they are put into Chinese where the picker shows them.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const WEEKDAYS = new Map([['Sun', '日'], ['Mon', '一'], ['Tue', '二'], ['Wed', '三'], ['Thu', '四'], ['Fri', '五'],
  ['Sat', '六']]);

function chineseDateWord(text) {
  const monthOfYear = /^([A-Z][a-z]+) (\d{4})$/.exec(text);
  if (monthOfYear && MONTHS.includes(monthOfYear[1])) {
    return `${monthOfYear[2]}年${MONTHS.indexOf(monthOfYear[1]) + 1}月`;
  }
  if (MONTHS.includes(text)) {
    return `${MONTHS.indexOf(text) + 1}月`;
  }
  return WEEKDAYS.get(text) || null;
}

function translatePicker(picker) {
  // The text node itself: Angular keeps writing the title into it as the month changes.
  picker.querySelectorAll('.uib-title strong, th small, .uib-monthpicker td span').forEach(element => {
    element.childNodes.forEach(node => {
      const chineseWord = node.nodeType === Node.TEXT_NODE ? chineseDateWord(node.nodeValue.trim()) : null;
      if (chineseWord !== null) {
        node.nodeValue = chineseWord;
      }
    });
  });
}

if (chinese && typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    const pickers = new Set();
    for (const mutation of mutations) {
      const node = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
      const picker = node && node.closest('[uib-datepicker], .uib-datepicker');
      if (picker) {
        pickers.add(picker);
      }
      mutation.addedNodes.forEach(added => {
        if (added.nodeType === Node.ELEMENT_NODE) {
          added.querySelectorAll('[uib-datepicker]').forEach(found => pickers.add(found));
        }
      });
    }
    pickers.forEach(translatePicker);
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
