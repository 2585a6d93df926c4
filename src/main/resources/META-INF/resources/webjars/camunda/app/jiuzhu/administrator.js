// Whether the logged-in user is an administrator, i.e. may open Camunda Admin: the webapps' own answer about
// the login (its authorized apps), one request. Tasklist and Cockpit offer administrators what they hide
// from officials (due dates, free tasks, Cockpit's actions); the server refuses it to officials anyway.
export async function isAdministrator() {
  const match = /\/app\/[^/]+\/([^/]+)/.exec(window.location.pathname);
  const engine = match ? match[1] : 'default';
  const response = await fetch(new URL(`../../api/admin/auth/user/${engine}`, import.meta.url),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    return false;
  }
  const user = await response.json();
  return Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin');
}
