// Forms: every error at once (a summary linking to each field, focus on the first), the edit
// conflict's "keep mine" / "take theirs", a warning before leaving a form with unsaved changes,
// and searchable pickers of people and accounts. No inline handlers (Content-Security-Policy).
(() => {
  const zh = () => document.documentElement.lang.startsWith("zh");
  const LEAVE = () => (zh() ? "有未保存的修改，确定离开此页面吗？" : "You have unsaved changes. Leave this page?");

  // ---- Every error at once -------------------------------------------------------------------
  // A large tenant's member picker (members.js) sends a hidden input; its box is the field.
  function memberBox(form, name) {
    const hidden = form.querySelector(`input[type=hidden][name="${CSS.escape(name)}"]`);
    const combo = hidden && hidden.closest("[data-member-combo]");
    return combo ? combo.querySelector("[data-member-input]") : null;
  }

  function fieldOf(form, name) {
    if (!form || !name) return null;
    const named = form.querySelector(`[name="${CSS.escape(name)}"]:not([type=hidden])`);
    return named || memberBox(form, name) || document.getElementById("f-" + name);
  }

  function labelText(field) {
    const label = field.labels && field.labels[0];
    if (!label) return "";
    for (const node of label.childNodes) {
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) return node.textContent.trim();
    }
    return "";
  }

  function prepareSummaries(root) {
    root.querySelectorAll("[data-testid=error-summary] a[data-field]").forEach((link) => {
      if (link.dataset.ready) return;
      link.dataset.ready = "1";
      const form = link.closest("form") || nextForm(link);
      const field = fieldOf(form, link.dataset.field);
      if (!field) return;
      if (field.id) link.setAttribute("href", "#" + field.id);
      const label = labelText(field);
      if (label) link.textContent = `${label}${zh() ? "：" : ": "}${link.textContent}`;
    });
  }

  function nextForm(el) {
    let node = el.closest("[role=alert]") || el;
    while (node && (node = node.nextElementSibling)) {
      if (node.tagName === "FORM") return node;
      const inner = node.querySelector && node.querySelector("form");
      if (inner) return inner;
    }
    return null;
  }

  function focusFirstError(root) {
    const invalid = root.querySelector("[aria-invalid='true']");
    if (invalid) {
      invalid.focus();
      return;
    }
    const summary = root.querySelector("[data-testid=form-conflict], [data-testid=error-summary]");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  }

  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("[data-testid=error-summary] a[data-field]") : null;
    if (!link) return;
    const target = document.getElementById((link.getAttribute("href") || "").slice(1));
    if (target) {
      event.preventDefault();
      target.focus();
      target.scrollIntoView({ block: "center" });
    }
  });

  // ---- Edit conflict: keep mine (save again) or take theirs ----------------------------------
  document.addEventListener("click", (event) => {
    const el = event.target instanceof Element ? event.target : null;
    if (!el) return;
    const keep = el.closest(".conflict-keep");
    if (keep && !keep.form) {
      const form = nextForm(keep);
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    const take = el.closest("[data-take-theirs]");
    if (!take) return;
    event.preventDefault();
    const form = take.closest("form") || nextForm(take);
    if (!form) return;
    form.querySelectorAll(".saved-value[data-field]").forEach((note) => {
      const field = fieldOf(form, note.dataset.field);
      if (field && field.matches("[data-member-input]")) {
        field.closest("[data-member-combo]").querySelector("[data-member-value]").value = note.dataset.theirs;
        field.value = field.dataset.name = note.dataset.theirs ? note.dataset.theirsLabel || "" : "";
      } else if (field) {
        if (field.type === "checkbox") field.checked = ["true", "True", "on", "1"].includes(note.dataset.theirs);
        else field.value = note.dataset.theirs;
      }
      note.remove();
    });
    const panel = take.closest("[data-testid=form-conflict]");
    if (panel) panel.remove();
    clean(form);
  });

  // ---- Unsaved changes -------------------------------------------------------------------------
  const tracked = (form) =>
    form instanceof HTMLFormElement &&
    (form.getAttribute("method") || "get").toLowerCase() === "post" &&
    !form.hasAttribute("data-no-unsaved") &&
    !form.classList.contains("inline-form");

  function markDirty(form) { form.dataset.dirty = "1"; }
  function clean(form) { delete form.dataset.dirty; }
  const dirtyForms = () => [...document.querySelectorAll("form[data-dirty]")];

  function onEdit(event) {
    const el = event.target;
    if (!(el instanceof HTMLElement) || el.matches("[data-picker-filter], [type=search]")) return;
    const form = el.closest("form");
    if (tracked(form)) markDirty(form);
  }
  document.addEventListener("input", onEdit);
  document.addEventListener("change", onEdit);
  document.addEventListener("submit", (event) => {
    if (event.target instanceof HTMLFormElement) clean(event.target);
  }, true);

  window.addEventListener("beforeunload", (event) => {
    if (dirtyForms().length) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // A boosted link (htmx) replaces the page without unloading it: ask first.
  document.addEventListener("htmx:confirm", (event) => {
    const elt = event.detail && event.detail.elt;
    const verb = event.detail && event.detail.verb;
    if (!elt || (verb && verb.toLowerCase() !== "get")) return;
    const dirty = dirtyForms().filter((form) => !form.contains(elt));
    if (!dirty.length || elt.closest("form[data-dirty]")) return;
    if (!(elt instanceof HTMLAnchorElement) && !(elt instanceof HTMLFormElement)) return;
    event.preventDefault();
    if (window.confirm(LEAVE())) {
      dirty.forEach(clean);
      event.detail.issueRequest(true);
    }
  });

  // A form shown again with errors or a conflict still holds unsaved typing.
  function markShownAgain(root) {
    root.querySelectorAll("[data-testid=error-summary], [data-testid=form-conflict], .field-error").forEach((el) => {
      const form = el.closest("form") || nextForm(el);
      if (tracked(form)) markDirty(form);
    });
  }

  // ---- Searchable pickers ------------------------------------------------------------------
  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  function filterPicker(picker) {
    const box = picker.querySelector("[data-picker-filter]");
    const select = picker.querySelector("select");
    if (!box || !select) return;
    const words = fold(box.value.trim()).split(/\s+/).filter(Boolean);
    let shown = 0;
    let firstShown = null;
    for (const option of select.options) {
      const haystack = fold(`${option.textContent} ${option.dataset.keys || ""}`);
      const match = !words.length || option.value === "" || words.every((w) => haystack.includes(w));
      option.hidden = !match;
      if (match && option.value !== "") {
        shown += 1;
        if (!firstShown) firstShown = option;
      }
    }
    const none = picker.querySelector("[data-picker-none]");
    if (none) none.hidden = shown > 0 || !words.length;
    if (words.length && firstShown && select.value !== firstShown.value) {
      select.value = firstShown.value; // the best match is picked; arrows move to the others
      if (tracked(select.form)) markDirty(select.form);
    }
    select.size = words.length && shown > 1 ? Math.min(shown + 1, 6) : 0;
  }

  function preparePickers(root) {
    root.querySelectorAll("[data-picker]").forEach((picker) => {
      const box = picker.querySelector("[data-picker-filter]");
      if (box) box.hidden = false;
    });
  }

  document.addEventListener("input", (event) => {
    const box = event.target instanceof Element ? event.target.closest("[data-picker-filter]") : null;
    if (box) filterPicker(box.closest("[data-picker]"));
  });
  document.addEventListener("keydown", (event) => {
    const box = event.target instanceof Element ? event.target.closest("[data-picker-filter]") : null;
    if (!box) return;
    const select = box.closest("[data-picker]").querySelector("select");
    if (event.key === "Enter" || event.key === "ArrowDown") {
      event.preventDefault(); // Enter picks the first match instead of sending the form
      select.focus();
    } else if (event.key === "Escape" && box.value) {
      event.preventDefault();
      box.value = "";
      filterPicker(box.closest("[data-picker]"));
    }
  });

  function prepare(root) {
    prepareSummaries(root);
    preparePickers(root);
    markShownAgain(root);
  }

  document.addEventListener("DOMContentLoaded", () => {
    prepare(document);
    focusFirstError(document);
  });
  document.addEventListener("htmx:afterSettle", (event) => {
    prepare(document);
    const root = event.target instanceof Element ? event.target : document;
    focusFirstError(root.querySelector ? root : document);
  });
})();
