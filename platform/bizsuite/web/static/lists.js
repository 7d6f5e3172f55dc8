// The kernel list component (web/lists.py, partials/list.html): row selection for bulk actions.
// Filters-as-you-type, sorting and paging are plain links and an htmx form; nothing here is
// needed for them. Event delegation, so lists swapped in by htmx work without re-binding.
(function () {
  "use strict";

  function bulkForm(root) {
    return root.querySelector("[data-list-bulk]");
  }

  function refresh(root) {
    var form = bulkForm(root);
    if (!form) return;
    var boxes = root.querySelectorAll("input[data-list-select]");
    var chosen = 0;
    boxes.forEach(function (box) {
      if (box.checked) chosen += 1;
      var row = box.closest("tr");
      if (row) row.classList.toggle("selected", box.checked);
    });
    var label = form.querySelector("[data-list-selected]");
    if (label) {
      label.textContent = chosen ? label.dataset.some.replace("{n}", String(chosen)) : label.dataset.none;
    }
    form.querySelectorAll("[data-list-needs-selection]").forEach(function (button) {
      button.disabled = chosen === 0;
    });
    var all = root.querySelector("input[data-list-select-all]");
    if (all) {
      all.checked = chosen > 0 && chosen === boxes.length;
      all.indeterminate = chosen > 0 && chosen < boxes.length;
    }
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    var root = target.closest(".list-results");
    if (!root) return;
    if (target.hasAttribute("data-list-select-all")) {
      root.querySelectorAll("input[data-list-select]").forEach(function (box) {
        box.checked = target.checked;
      });
    }
    if (target.hasAttribute("data-list-select-all") || target.hasAttribute("data-list-select")) {
      refresh(root);
    }
  });

  // A bulk change must say who gets the accounts: the owner picker is required for "assign".
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("button[name=action][value=assign]") : null;
    if (!button) return;
    var owner = button.form && button.form.querySelector("[name=owner_user_id]");
    if (owner && !owner.value) {
      event.preventDefault();
      // A large tenant's picker is a combobox beside a hidden input (members.js): focus its box.
      var combo = owner.closest("[data-member-combo]");
      (combo ? combo.querySelector("[data-member-input]") : owner).focus();
    }
  });

  function refreshAll() {
    document.querySelectorAll(".list-results").forEach(refresh);
  }
  document.addEventListener("DOMContentLoaded", refreshAll);
  document.addEventListener("htmx:afterSettle", refreshAll);
})();
