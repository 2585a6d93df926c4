// Officials and supervisors only read in Cockpit: changing a case (cancelling, suspending, editing variables,
// reassigning, retrying, migrating, deleting) is the engine's and administrators' (the request guard refuses it
// with a 403). Their Cockpit shows no buttons for it: the page starts read-only (styles/user-styles.css hides
// the actions while <html> has the class below) and only an administrator — who may open Admin — gets them.
// This file is /camunda/app/cockpit/scripts/read-only.js.
import {isAdministrator} from '../../jiuzhu/administrator.js';

const READ_ONLY = 'jiuzhu-read-only';

document.documentElement.classList.add(READ_ONLY);

isAdministrator().then(administrator => {
  if (administrator) {
    document.documentElement.classList.remove(READ_ONLY);
  }
}).catch(() => {
  // Stays read-only: the server refuses changes of non-administrators anyway.
});
