// What Tasklist offers an official. A task's due date is set by the rules of its process (or by an
// administrator), free tasks are the administrators' too: the server refuses both (EngineRequestGuard),
// and here the controls are not offered. The official keeps seeing the due date and sets their own
// follow-up date. The task priority (always 50) means nothing to anyone and is not shown; the case's
// columns (申请编号, applicant, village: TasklistFilterSetup) show in full, one a line, not folded away.
const ADMINISTRATORS = 'camunda-admin';

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

function engineName() {
  const match = /\/app\/tasklist\/([^/]+)/.exec(window.location.pathname);
  return match ? match[1] : 'default';
}

async function isAdministrator() {
  const base = window.location.pathname.replace(/\/app\/tasklist\/.*$/, '');
  const engine = engineName();
  const user = await fetch(`${base}/api/admin/auth/user/${engine}`, {credentials: 'same-origin'});
  if (!user.ok) {
    return false;
  }
  const {userId} = await user.json();
  const groups = await fetch(`${base}/api/engine/engine/${engine}/identity/groups?userId=${encodeURIComponent(userId)}`,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!groups.ok) {
    return false;
  }
  const body = await groups.json();
  return (body.groups || []).some(group => group.id === ADMINISTRATORS);
}

isAdministrator().then(administrator => {
  if (administrator) {
    document.documentElement.classList.remove('jiuzhu-official');
  }
}).catch(() => {});
