// Officials and supervisors only read in Cockpit: changing a case (cancelling, suspending, editing variables,
// reassigning, retrying, migrating, deleting) is the engine's and administrators' (the request guard refuses it
// with a 403). Their Cockpit shows no buttons for it: the page starts read-only (styles/user-styles.css hides
// the actions while <html> has the class below) and only an administrator — who may open Admin — gets them.
// This file is /camunda/app/cockpit/scripts/read-only.js.
const READ_ONLY = 'jiuzhu-read-only';
const WHO = new URL('../../../api/admin/auth/user/default', import.meta.url).href;

document.documentElement.classList.add(READ_ONLY);

fetch(WHO, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then(response => (response.ok ? response.json() : null))
  .then(user => {
    if (user && Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin')) {
      document.documentElement.classList.remove(READ_ONLY);
    }
  })
  .catch(() => {
    // Stays read-only: the server refuses changes of non-administrators anyway.
  });
