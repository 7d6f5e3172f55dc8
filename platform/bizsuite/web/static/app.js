// Small glue for htmx: swap validation errors (422) and error pages, show toasts, focus errors.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.htmx) return;
  htmx.config.responseHandling = [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "[45]..", swap: true, error: false },
  ];
  htmx.config.historyCacheSize = 0;
});

function showToast(message, level) {
  const box = document.getElementById("toasts");
  if (!box) return;
  const toast = document.createElement("div");
  toast.className = "toast " + (level || "success");
  toast.dataset.testid = "toast";
  toast.textContent = message;
  box.appendChild(toast);
  setTimeout(() => toast.remove(), 6000);
}

document.addEventListener("htmx:sendError", () => showToast(document.documentElement.lang.startsWith("zh") ? "网络错误，请重试。" : "Network error, please retry.", "error"));
document.addEventListener("htmx:afterSettle", () => {
  // (forms.js focuses the first field with an error)
  document.querySelectorAll("#toasts .toast").forEach((t) => setTimeout(() => t.remove(), 6000));
});

// Behaviour that would otherwise be inline handlers (the Content-Security-Policy forbids them):
// a select that submits its form when changed (the tenant switcher)...
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute("data-submit-on-change") && el.form) el.form.requestSubmit();
});
// ...and a lazily loaded panel that disappears when it cannot be loaded.
document.addEventListener("htmx:responseError", (event) => {
  const el = event.detail && event.detail.elt;
  if (el && el.hasAttribute && el.hasAttribute("data-remove-on-error")) el.remove();
});

// The side bar: a drawer below 768 px (closed by default, Esc or a tap outside closes it), a
// column that the menu button collapses on wider screens.
const narrow = window.matchMedia("(max-width: 767.98px)");

function sidebarParts() {
  const button = document.querySelector(".menu-toggle");
  const shell = document.querySelector(".shell");
  return { button, shell, backdrop: document.querySelector("[data-sidebar-backdrop]") };
}

function setSidebar(open, focusButton) {
  const { button, shell, backdrop } = sidebarParts();
  if (!button || !shell) return;
  if (narrow.matches) {
    shell.classList.toggle("sidebar-open", open);
    if (backdrop) backdrop.hidden = !open;
  } else {
    shell.classList.toggle("sidebar-collapsed", !open);
  }
  button.setAttribute("aria-expanded", open ? "true" : "false");
  if (open && narrow.matches) {
    const first = document.querySelector("#sidebar a, #sidebar button");
    if (first) first.focus();
  } else if (focusButton) button.focus();
}

function initSidebar() {
  const { button, shell } = sidebarParts();
  if (!button || !shell) return;
  const open = narrow.matches ? shell.classList.contains("sidebar-open") : !shell.classList.contains("sidebar-collapsed");
  button.setAttribute("aria-expanded", open ? "true" : "false");
}

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest(".menu-toggle")) {
    setSidebar(sidebarParts().button.getAttribute("aria-expanded") !== "true", false);
  } else if (target.closest("[data-sidebar-backdrop]")) {
    setSidebar(false, true);
  } else if (narrow.matches && target.closest("#sidebar a[href]")) {
    setSidebar(false, false);
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape" || !narrow.matches) return;
  const { shell } = sidebarParts();
  if (shell && shell.classList.contains("sidebar-open")) {
    event.preventDefault();
    setSidebar(false, true);
  }
});
narrow.addEventListener("change", () => {
  const { shell } = sidebarParts();
  if (shell) shell.classList.remove("sidebar-open", "sidebar-collapsed");
  const backdrop = sidebarParts().backdrop;
  if (backdrop) backdrop.hidden = true;
  initSidebar();
});

// Wide tables scroll inside their own box, so the page never scrolls sideways.
function wrapTables(root) {
  (root || document).querySelectorAll(".content table").forEach((table) => {
    const parent = table.parentElement;
    if (!parent || table.hasAttribute("data-no-scroll")) return;
    if (parent.classList.contains("table-scroll") || parent.classList.contains("overflow-auto")) return;
    const box = document.createElement("div");
    box.className = "table-scroll";
    parent.insertBefore(box, table);
    box.appendChild(table);
  });
}

document.addEventListener("DOMContentLoaded", () => { initSidebar(); wrapTables(document); });
// On afterSwap, in the swap's own task: at afterSettle (20 ms later) moving a table would blur a
// field the user (or a test) is already typing into, and the typed text would be lost.
document.addEventListener("htmx:afterSwap", (event) => {
  initSidebar();
  wrapTables(event.target instanceof Element ? event.target : document);
});

// Live pages (server-sent events, htmx's sse extension): the element with sse-connect says whether
// its stream is open, and its live badge shows it ("Live" or "Reconnecting…").
function setLive(event, state) {
  const el = event.target && event.target.closest ? event.target.closest("[sse-connect]") : null;
  if (el) el.setAttribute("data-live", state);
}
document.addEventListener("htmx:sseOpen", (event) => setLive(event, "open"));
document.addEventListener("htmx:sseError", (event) => setLive(event, "reconnecting"));
