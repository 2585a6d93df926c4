// Fields inside a dynamic list (the household members of the dibao start form, say). When such a field
// changes, form-js 1.8 stores "no error" as an empty entry ({"Field_memberName": []}); Tasklist
// counts the entries of the form's errors, so after the first change the form counted as invalid for
// good and the 发起/完成 button stayed disabled. Before Tasklist reads a change, entries without a
// message are removed; real errors stay and still block the button.
//
// The form-js Form is not exposed by Tasklist: it is found through the context its view provides
// (preact keeps the rendered tree on the container as `__k`, its children as `__k` of each node).

const DEPTH = 12;
// Ahead of Tasklist's own listener (form-js's default priority is 1000).
const PRIORITY = 1500;

function holdsMessage(value) {
  if (typeof value === 'string') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(holdsMessage);
  }
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsMessage);
}

function withoutEmptyErrors(errors) {
  for (const key of Object.keys(errors || {})) {
    if (!holdsMessage(errors[key])) {
      delete errors[key];
    }
  }
  return errors;
}

function formIn(vnode, depth) {
  if (!vnode || depth > DEPTH) {
    return null;
  }
  const value = vnode.props && vnode.props.value;
  if (value && typeof value.getService === 'function') {
    return value.getService('form', false);
  }
  for (const child of vnode.__k || []) {
    const form = formIn(child, depth + 1);
    if (form) {
      return form;
    }
  }
  return null;
}

function attach(container) {
  if (container.jiuzhuListsFixed || !container.__k) {
    return;
  }
  const form = formIn(container.__k, 0);
  if (!form || typeof form.on !== 'function') {
    return;
  }
  container.jiuzhuListsFixed = true;
  form.on('changed', PRIORITY, state => {
    withoutEmptyErrors(state.errors);
  });
}

if (typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentElement;
      const container = target && target.closest('.fjs-container');
      if (container) {
        attach(container);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
}
