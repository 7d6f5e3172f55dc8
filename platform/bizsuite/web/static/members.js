// Member pickers of large tenants (partials/macros.html member_picker): a combobox (the WAI-ARIA
// pattern: list autocomplete, the first match highlighted) whose options come from
// /members/options as you type. ↓/↑ open the list and move through it, Enter or a click picks,
// Esc closes it (again: puts the chosen name back). The hidden input beside it carries the id the
// form sends, so the form posts what a select would. Leaving the box with a half-typed name puts
// the chosen name back; emptying it chooses nobody where that is allowed ("(no owner)").
// window.memberOptions.search(url, text, signal) is shared with the chatter's @ mentions.
// Everything is bound by delegation, so it keeps working after htmx swaps content in.
(function () {
  "use strict";

  var DELAY = 150;
  var state = new WeakMap();

  function search(url, text, signal) {
    var address = url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(text);
    return fetch(address, { credentials: "same-origin", headers: { Accept: "application/json" }, signal: signal })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); });
  }
  window.memberOptions = { search: search };

  function parts(combo) {
    return {
      input: combo.querySelector("[data-member-input]"),
      value: combo.querySelector("[data-member-value]"),
      list: combo.querySelector("[data-member-list]"),
      status: combo.querySelector("[data-member-status]"),
    };
  }

  function stateOf(combo) {
    var found = state.get(combo);
    if (!found) {
      found = { timer: null, controller: null, asked: null };
      state.set(combo, found);
    }
    return found;
  }

  function options(combo) {
    return Array.prototype.slice.call(parts(combo).list.querySelectorAll("[role=option]"));
  }

  function activeIndex(combo) {
    var id = parts(combo).input.getAttribute("aria-activedescendant");
    return options(combo).findIndex(function (option) { return option.id === id; });
  }

  function highlight(combo, index) {
    var p = parts(combo);
    var all = options(combo);
    all.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
      option.classList.toggle("active", i === index);
    });
    if (index >= 0 && index < all.length) {
      p.input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      p.input.removeAttribute("aria-activedescendant");
    }
  }

  function close(combo) {
    var p = parts(combo);
    var s = stateOf(combo);
    clearTimeout(s.timer);
    if (s.controller) s.controller.abort();
    s.controller = null;
    s.asked = null;
    p.list.hidden = true;
    p.input.setAttribute("aria-expanded", "false");
    p.input.removeAttribute("aria-activedescendant");
  }

  function isOpen(combo) { return !parts(combo).list.hidden; }

  function say(combo, text) { parts(combo).status.textContent = text; }

  function option(combo, index, value, name, detail) {
    var li = document.createElement("li");
    li.id = parts(combo).input.id + "-option-" + index;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.dataset.value = value;
    li.dataset.name = name;
    var strong = document.createElement("span");
    strong.textContent = detail === null ? combo.dataset.blank : name;
    li.appendChild(strong);
    if (detail) {
      var small = document.createElement("small");
      small.textContent = detail;
      li.appendChild(small);
    }
    return li;
  }

  function show(combo, text, answer) {
    var p = parts(combo);
    p.list.textContent = "";
    var items = [];
    if (!text && combo.hasAttribute("data-blank")) items.push(option(combo, 0, "", "", null));
    answer.items.forEach(function (member) {
      items.push(option(combo, items.length, member.id, member.name, member.email));
    });
    items.forEach(function (li) { p.list.appendChild(li); });
    if (!items.length) {
      var none = document.createElement("li");
      none.className = "member-none";
      none.setAttribute("aria-disabled", "true");
      none.textContent = combo.dataset.msgNone;
      p.list.appendChild(none);
    }
    p.list.hidden = false;
    p.input.setAttribute("aria-expanded", "true");
    var shown = answer.items.length;
    var message = shown ? combo.dataset.msgFound.replace("{n}", String(shown)) : combo.dataset.msgNone;
    if (answer.more) message += " " + combo.dataset.msgMore.replace("{n}", String(shown));
    say(combo, message);
    // The best match is highlighted as one types (Enter picks it); an empty box highlights nothing.
    var first = options(combo).findIndex(function (li) { return li.dataset.value !== ""; });
    highlight(combo, text ? first : -1);
  }

  function ask(combo, then) {
    var p = parts(combo);
    var s = stateOf(combo);
    var text = p.input.value.trim();
    clearTimeout(s.timer);
    if (s.controller) s.controller.abort();
    s.controller = typeof AbortController === "function" ? new AbortController() : null;
    s.asked = text;
    search(combo.dataset.url, text, s.controller ? s.controller.signal : undefined)
      .then(function (answer) {
        if (s.asked !== text || p.input.value.trim() !== text || document.activeElement !== p.input) return;
        s.controller = null;
        show(combo, text, answer);
        if (then) then();
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") return; // newer typing took over
        s.asked = null;
        say(combo, combo.dataset.msgFailed);
      });
  }

  function later(combo) {
    var s = stateOf(combo);
    clearTimeout(s.timer);
    s.timer = setTimeout(function () { ask(combo); }, DELAY);
  }

  function commit(combo, value, name) {
    var p = parts(combo);
    var changed = p.value.value !== value;
    p.value.value = value;
    p.input.value = name;
    p.input.dataset.name = name;
    close(combo);
    if (!changed) return;
    combo.dispatchEvent(new CustomEvent("member-picked", { bubbles: true, detail: { id: value, name: name } }));
    p.value.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function restore(combo) {
    var p = parts(combo);
    p.input.value = p.input.dataset.name || "";
  }

  function pick(combo, li) {
    if (!li || li.getAttribute("aria-disabled") === "true") return;
    commit(combo, li.dataset.value, li.dataset.name);
  }

  function comboOf(target) {
    return target instanceof Element && target.matches("[data-member-input]") ? target.closest("[data-member-combo]") : null;
  }

  // Typing asks the server (debounced). The box's own input and change events stop here: the
  // form hears of a choice through the hidden input's change (a list's filter form reloads on it).
  document.addEventListener("input", function (event) {
    var combo = comboOf(event.target);
    if (!combo) return;
    event.stopPropagation();
    highlight(combo, -1); // the list shown is for the text before: Enter waits for the new one
    later(combo);
  }, true);
  document.addEventListener("change", function (event) {
    if (comboOf(event.target)) event.stopPropagation();
  }, true);

  document.addEventListener("keydown", function (event) {
    var combo = comboOf(event.target);
    if (!combo) return;
    var p = parts(combo);
    var all = options(combo);
    var index = activeIndex(combo);
    var typed = p.input.value !== (p.input.dataset.name || "");
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        var down = event.key === "ArrowDown";
        if (!isOpen(combo)) {
          ask(combo, function () {
            var fresh = options(combo);
            if (!event.altKey && fresh.length) highlight(combo, down ? 0 : fresh.length - 1);
          });
        } else if (all.length) {
          highlight(combo, index < 0 ? (down ? 0 : all.length - 1) : (index + (down ? 1 : all.length - 1)) % all.length);
        }
        break;
      case "Enter":
        if (isOpen(combo) && index >= 0) {
          event.preventDefault(); // pick, rather than send the form
          pick(combo, all[index]);
        } else if (typed) {
          event.preventDefault(); // the best match of what was typed, once the server says
          ask(combo, function () {
            pick(combo, options(combo).find(function (li) { return li.dataset.value !== ""; }));
          });
        }
        break;
      case "Escape":
        if (isOpen(combo)) {
          event.preventDefault();
          close(combo);
        } else if (typed) {
          event.preventDefault();
          restore(combo);
        }
        break;
      case "Tab":
        if (isOpen(combo)) close(combo);
        break;
      default:
        break;
    }
  });

  // Leaving the box: an emptied box chooses nobody (when a blank choice exists), anything else
  // half-typed gives way to the chosen name.
  document.addEventListener("focusout", function (event) {
    var combo = comboOf(event.target);
    if (!combo) return;
    var p = parts(combo);
    close(combo);
    if (!p.input.value.trim() && combo.hasAttribute("data-blank") && !combo.hasAttribute("data-required")) {
      commit(combo, "", "");
    } else {
      restore(combo);
    }
  });

  // A click on the box opens the list; a click on an option picks it (mousedown keeps the focus).
  document.addEventListener("mousedown", function (event) {
    var list = event.target instanceof Element ? event.target.closest("[data-member-list]") : null;
    if (!list) return;
    event.preventDefault(); // the list's scroll bar too: the box keeps the focus
    var li = event.target.closest("[role=option]");
    if (li) pick(list.closest("[data-member-combo]"), li);
  });
  document.addEventListener("click", function (event) {
    var combo = comboOf(event.target);
    if (combo && !isOpen(combo)) ask(combo);
  });
})();
