// The household form's rows: "添加成员" / "添加收入项" copy the last row as an empty row with the next
// index, "删除此行" removes a row and numbers the rows after it again; each income row's member select
// lists the members typed above; the 本人 row's ID number is checked against the applicant's.
// Without JavaScript the buttons stay hidden, the page offers fixed rows and the server checks the same.
(function () {
  'use strict';

  var SELF_MISMATCH = '“本人”一行的身份证号与申请人身份证号不一致，请核对';

  function renumber(element, index) {
    ['name', 'id', 'for'].forEach(function (attribute) {
      var value = element.getAttribute(attribute);
      if (!value) {
        return;
      }
      // Names are members[0].name (and _members[0].seriousIllness for checkboxes), ids members0.name.
      element.setAttribute(attribute, value
        .replace(/^(_?\w+)\[\d+\]/, '$1[' + index + ']')
        .replace(/^(members|incomes)\d+/, '$1' + index));
    });
  }

  function renumberRows(body) {
    Array.prototype.forEach.call(body.rows, function (row, index) {
      row.querySelectorAll('[name], [id], [for]').forEach(function (element) {
        renumber(element, index);
      });
    });
  }

  function clear(row) {
    row.querySelectorAll('.field-error').forEach(function (message) {
      message.remove();
    });
    row.querySelectorAll('input, select, textarea').forEach(function (field) {
      field.classList.remove('invalid');
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = false;
      } else if (field.tagName === 'SELECT') {
        field.selectedIndex = 0;
      } else if (field.type !== 'hidden') {
        field.value = '';
      }
    });
  }

  function memberRows() {
    var table = document.getElementById('member-rows');
    return table ? Array.prototype.slice.call(table.tBodies[0].rows) : [];
  }

  function field(row, suffix) {
    return row.querySelector('[name$="' + suffix + '"]');
  }

  /** Fills every income row's member select from the member rows, keeping each row's choice. */
  function refreshMemberSelects() {
    var members = [];
    memberRows().forEach(function (row) {
      var id = (field(row, '.idNumber').value || '').trim().toUpperCase();
      var name = (field(row, '.name').value || '').trim() || '成员';
      if (id && members.every(function (m) { return m.id !== id; })) {
        members.push({ id: id, label: name + '（' + id.slice(-4) + '）' });
      }
    });
    document.querySelectorAll('select[data-member-select]').forEach(function (select) {
      var chosen = (select.value || '').trim().toUpperCase();
      while (select.options.length > 1) {
        select.remove(1);
      }
      members.forEach(function (member) {
        select.add(new Option(member.label, member.id, false, member.id === chosen));
      });
      if (chosen && members.every(function (m) { return m.id !== chosen; })) {
        select.add(new Option(chosen + '（不在家庭成员中）', chosen, false, true));
      }
    });
  }

  function selfRow() {
    return memberRows().filter(function (row) {
      var relation = field(row, '.relation');
      return relation && relation.value === 'SELF';
    })[0];
  }

  /** Shows (or clears) the mismatch beside the 本人 row's ID number; returns the field in error, if any. */
  function checkSelf() {
    var applicant = document.getElementById('applicantIdNumber');
    document.querySelectorAll('.field-error.client-check').forEach(function (message) {
      message.remove();
    });
    var row = selfRow();
    if (!applicant || !row) {
      return null;
    }
    var own = field(row, '.idNumber');
    var a = applicant.value.trim().toUpperCase();
    var b = own.value.trim().toUpperCase();
    if (a.length === 18 && b.length === 18 && a !== b) {
      var message = document.createElement('span');
      message.className = 'field-error client-check';
      message.setAttribute('role', 'alert');
      message.textContent = SELF_MISMATCH;
      own.insertAdjacentElement('afterend', message);
      return own;
    }
    return null;
  }

  document.querySelectorAll('[data-add-row]').forEach(function (button) {
    var table = document.getElementById(button.getAttribute('data-add-row'));
    var body = table.tBodies[0];
    var maxRows = parseInt(table.getAttribute('data-max-rows'), 10);

    function updateButton() {
      button.disabled = body.rows.length >= maxRows;
    }

    button.hidden = false;
    updateButton();
    button.addEventListener('click', function () {
      var index = body.rows.length;
      var row = body.rows[index - 1].cloneNode(true);
      row.querySelectorAll('[name], [id], [for]').forEach(function (element) {
        renumber(element, index);
      });
      clear(row);
      body.appendChild(row);
      updateButton();
      refreshMemberSelects();
      var first = row.querySelector('input, select');
      if (first) {
        first.focus();
      }
    });
    table.addEventListener('click', function (event) {
      var remove = event.target.closest('[data-remove-row]');
      if (!remove) {
        return;
      }
      var row = remove.closest('tr');
      if (body.rows.length > 1) {
        row.remove();
        renumberRows(body);
      } else {
        clear(row);
      }
      updateButton();
      refreshMemberSelects();
      checkSelf();
    });
  });

  document.querySelectorAll('[data-remove-row]').forEach(function (button) {
    button.hidden = false;
  });

  var memberTable = document.getElementById('member-rows');
  if (memberTable) {
    memberTable.addEventListener('input', function () {
      refreshMemberSelects();
    });
    memberTable.addEventListener('change', function () {
      refreshMemberSelects();
      checkSelf();
    });
  }

  /**
   * Fills a field for the applicant; the first time it gets the focus its whole value is selected, so
   * that typing it again replaces it instead of doubling it (周建华周建华).
   */
  function prefill(input, value) {
    input.value = value;
    input.addEventListener('focus', function () {
      input.select();
    }, {once: true});
  }

  var applicantId = document.getElementById('applicantIdNumber');
  if (applicantId) {
    applicantId.addEventListener('change', function () {
      // The applicant is the 本人 row: fill it in when it is still empty.
      var row = selfRow();
      if (row && !field(row, '.idNumber').value.trim()) {
        prefill(field(row, '.idNumber'), applicantId.value.trim());
        var name = document.getElementById('applicantName');
        if (name && !field(row, '.name').value.trim()) {
          prefill(field(row, '.name'), name.value.trim());
        }
        refreshMemberSelects();
      }
      checkSelf();
    });
    var form = applicantId.form;
    if (form) {
      form.addEventListener('submit', function (event) {
        var wrong = checkSelf();
        if (wrong) {
          event.preventDefault();
          wrong.focus();
        }
      });
    }
  }

  refreshMemberSelects();
})();
