// The chatter's mentions (core/chatter): typing "@" in a note offers the tenant's members
// (filtered as you type; arrows, Enter or Tab to pick, Esc to close); the "Mention a colleague"
// select inserts "@Name " too. The server reads "@Name" in the text (no hidden state to lose).
(function () {
  function mentionQuery(textarea) {
    const before = textarea.value.slice(0, textarea.selectionStart);
    const at = before.lastIndexOf("@");
    if (at < 0 || (at > 0 && /[A-Za-z0-9._%+-]/.test(before[at - 1]))) return null; // not an email address
    const query = before.slice(at + 1);
    if (/[\n@]/.test(query) || query.length > 30) return null;
    return { at, query };
  }

  function insert(textarea, name, at) {
    const start = at === undefined ? textarea.selectionStart : at;
    const end = textarea.selectionStart;
    const text = "@" + name + " ";
    const prefix = at === undefined && start > 0 && !/\s/.test(textarea.value[start - 1]) ? " " : "";
    textarea.value = textarea.value.slice(0, start) + prefix + text + textarea.value.slice(end);
    const caret = start + prefix.length + text.length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  }

  function listFor(textarea) {
    const form = textarea.form;
    return form ? form.querySelector("[data-mention-list]") : null;
  }

  function visible(list) {
    return Array.from(list.querySelectorAll("li")).filter((li) => !li.hidden);
  }

  function select(list, index) {
    const items = visible(list);
    items.forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
    return items[index];
  }

  function update(textarea) {
    const list = listFor(textarea);
    if (!list) return;
    const found = mentionQuery(textarea);
    if (!found) { close(textarea, list); return; }
    const query = found.query.toLowerCase();
    let shown = 0;
    list.querySelectorAll("li").forEach((li) => {
      li.hidden = !li.dataset.name.toLowerCase().includes(query);
      if (!li.hidden) shown += 1;
    });
    list.hidden = shown === 0;
    const first = select(list, 0);
    if (first) textarea.setAttribute("aria-activedescendant", first.id);
  }

  function close(textarea, list) {
    list.hidden = true;
    textarea.removeAttribute("aria-activedescendant");
  }

  function pick(textarea, li) {
    const list = listFor(textarea);
    const found = mentionQuery(textarea);
    if (!found || !list) return;
    insert(textarea, li.dataset.name, found.at);
    close(textarea, list);
  }

  document.addEventListener("input", (event) => {
    const el = event.target;
    if (el instanceof HTMLTextAreaElement && el.hasAttribute("data-mention-input")) update(el);
  });

  document.addEventListener("keydown", (event) => {
    const el = event.target;
    if (!(el instanceof HTMLTextAreaElement) || !el.hasAttribute("data-mention-input")) return;
    const list = listFor(el);
    if (!list || list.hidden) return;
    const items = visible(list);
    let index = items.findIndex((li) => li.getAttribute("aria-selected") === "true");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      index = (index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      const li = select(list, index);
      if (li) { el.setAttribute("aria-activedescendant", li.id); li.scrollIntoView({ block: "nearest" }); }
    } else if ((event.key === "Enter" || event.key === "Tab") && items[index]) {
      event.preventDefault();
      pick(el, items[index]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(el, list);
    }
  });

  document.addEventListener("mousedown", (event) => {
    const li = event.target instanceof Element ? event.target.closest("[data-mention-list] li") : null;
    if (!li) return;
    event.preventDefault();
    const textarea = li.closest("form").querySelector("[data-mention-input]");
    if (textarea) pick(textarea, li);
  });

  document.addEventListener("change", (event) => {
    const el = event.target;
    if (!(el instanceof HTMLSelectElement) || !el.hasAttribute("data-mention-picker") || !el.value) return;
    const textarea = el.form && el.form.querySelector("[data-mention-input]");
    if (textarea) insert(textarea, el.value);
    el.value = "";
  });
})();
