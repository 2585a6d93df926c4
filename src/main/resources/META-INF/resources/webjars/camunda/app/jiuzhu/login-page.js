// The webapps' own login form cannot log anyone in: the login is ours (SecurityConfig). Whenever a
// webapp shows it — after its logout button has ended the session, or when the session has run out —
// the official goes to our login page instead.
// This file is /camunda/app/jiuzhu/login-page.js (camunda.bpm.webapp.application-path: /camunda).
const LOGIN_PAGE = new URL('../../../login?logout', import.meta.url).href;

function leaveTheWebappLogin() {
  if (/^#!?\/login\b/.test(window.location.hash)) {
    window.location.replace(LOGIN_PAGE);
  }
}

window.addEventListener('hashchange', leaveTheWebappLogin);
leaveTheWebappLogin();
