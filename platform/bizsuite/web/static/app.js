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
