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
  const invalid = document.querySelector("[aria-invalid='true']");
  if (invalid) invalid.focus();
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
