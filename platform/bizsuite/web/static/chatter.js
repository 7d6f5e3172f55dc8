// The chatter's mentions (core/chatter): typing "@" in a note offers the tenant's members
// (filtered as you type; arrows, Enter or Tab to pick, Esc to close); the "Mention a colleague"
// picker inserts "@Name " too. The server reads "@Name" in the text (no hidden state to lose).
// A small tenant's members are in the page; a large one's list (data-url) is asked for as you
// type, through members.js (window.memberOptions).
(function () {
  var DELAY = 150;
  var pending = { timer: null, controller: null, asked: null, pickFirst: false };

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

  function showFirst(textarea, list, shown) {
    list.hidden = shown === 0;
    const first = select(list, 0);
    if (first) textarea.setAttribute("aria-activedescendant", first.id);
    else textarea.removeAttribute("aria-activedescendant");
  }

  function fill(textarea, list, query, answer) {
    const found = mentionQuery(textarea);
    if (!found || found.query !== query) return; // the text moved on since
    list.textContent = "";
    answer.items.forEach((member) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = "mention-" + member.id;
      li.dataset.name = member.name;
      li.setAttribute("aria-selected", "false");
      li.textContent = member.name;
      list.appendChild(li);
    });
    showFirst(textarea, list, answer.items.length);
    if (pending.pickFirst && answer.items.length) pick(textarea, list.querySelector("li"));
    pending.pickFirst = false;
  }

  function ask(textarea, list, query) {
    clearTimeout(pending.timer);
    if (pending.asked === query && !list.hidden) { showFirst(textarea, list, visible(list).length); return; }
    pending.timer = setTimeout(() => {
      if (pending.controller) pending.controller.abort();
      pending.controller = typeof AbortController === "function" ? new AbortController() : null;
      pending.asked = query;
      window.memberOptions
        .search(list.dataset.url, query, pending.controller ? pending.controller.signal : undefined)
        .then((answer) => fill(textarea, list, query, answer))
        .catch(() => { pending.asked = null; });
    }, DELAY);
  }

  function update(textarea) {
    const list = listFor(textarea);
    if (!list) return;
    const found = mentionQuery(textarea);
    if (!found) { close(textarea, list); return; }
    if (list.dataset.url && window.memberOptions) {
      select(list, -1); // the list shown is for the text before: Enter waits for the new one
      textarea.removeAttribute("aria-activedescendant");
      ask(textarea, list, found.query);
      return;
    }
    const query = found.query.toLowerCase();
    let shown = 0;
    list.querySelectorAll("li").forEach((li) => {
      li.hidden = !li.dataset.name.toLowerCase().includes(query);
      if (!li.hidden) shown += 1;
    });
    showFirst(textarea, list, shown);
  }

  function close(textarea, list) {
    list.hidden = true;
    textarea.removeAttribute("aria-activedescendant");
    if (list.dataset.url) {
      clearTimeout(pending.timer);
      if (pending.controller) pending.controller.abort();
      pending.asked = null;
      pending.pickFirst = false;
    }
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
    } else if ((event.key === "Enter" || event.key === "Tab") && list.dataset.url) {
      event.preventDefault(); // an answer is on its way: its best match is taken
      pending.pickFirst = true;
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

  // The "Mention a colleague" picker: a select in a small tenant, a combobox in a large one.
  document.addEventListener("change", (event) => {
    const el = event.target;
    if (!(el instanceof HTMLSelectElement) || !el.hasAttribute("data-mention-picker") || !el.value) return;
    const textarea = el.form && el.form.querySelector("[data-mention-input]");
    if (textarea) insert(textarea, el.selectedOptions[0].textContent.trim());
    el.value = "";
  });

  document.addEventListener("member-picked", (event) => {
    const combo = event.target instanceof Element ? event.target.closest("[data-mention-picker]") : null;
    if (!combo || !event.detail.name) return;
    const form = combo.closest("form");
    const textarea = form && form.querySelector("[data-mention-input]");
    combo.querySelectorAll("[data-member-value], [data-member-input]").forEach((input) => {
      input.value = "";
      if (input.dataset.name !== undefined) input.dataset.name = "";
    });
    if (textarea) insert(textarea, event.detail.name);
  });
})();
