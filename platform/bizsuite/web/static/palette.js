// The search palette (partials/palette.html): Ctrl+K (⌘K) or "/" opens it anywhere, as does a
// click or typing in the top bar's search box. Typing asks /search/palette for a few hits of each
// kind (server-rendered HTML, escaped there); ↑/↓ (Home/End) choose, Enter opens the chosen hit
// (or "see all results"), Esc or the close button closes and focus returns where it was.
// The dialog is modal (the page behind is inert) and Tab stays inside it. Everything is bound by
// delegation on the document, so it keeps working after htmx swaps the page's body.
(function () {
  "use strict";

  var timer = null;
  var controller = null;
  var returnFocus = null;
  var lastQuery = null;

  function dialog() { return document.getElementById("palette"); }
  function input() { return document.getElementById("palette-input"); }
  function list() { return document.getElementById("palette-list"); }

  function options() {
    var box = list();
    return box ? Array.prototype.slice.call(box.querySelectorAll('[role="option"]:not([aria-disabled="true"])')) : [];
  }

  function activeIndex() {
    var field = input();
    var id = field ? field.getAttribute("aria-activedescendant") : null;
    var all = options();
    for (var i = 0; i < all.length; i++) { if (all[i].id === id) return i; }
    return -1;
  }

  function choose(index) {
    var all = options();
    var field = input();
    all.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
      option.classList.toggle("active", i === index);
    });
    if (index >= 0 && index < all.length) {
      field.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      field.removeAttribute("aria-activedescendant");
    }
  }

  function show(html, query) {
    var box = list();
    var field = input();
    if (!box || !field || field.value.trim() !== query) return;  // an older answer
    box.innerHTML = html;
    var all = options();
    field.setAttribute("aria-expanded", all.length ? "true" : "false");
    choose(all.length ? 0 : -1);
    var summary = box.querySelector("template[data-palette-summary]");
    var status = document.getElementById("palette-status");
    if (status) status.textContent = summary ? summary.innerHTML.trim() : "";
    dialog().setAttribute("data-state", "ready");
  }

  function search() {
    var field = input();
    var box = list();
    if (!field || !box) return;
    var query = field.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (controller) controller.abort();
    if (!query) {
      box.innerHTML = "";
      field.setAttribute("aria-expanded", "false");
      choose(-1);
      dialog().setAttribute("data-state", "idle");
      return;
    }
    dialog().setAttribute("data-state", "loading");
    controller = typeof AbortController === "function" ? new AbortController() : null;
    var url = dialog().getAttribute("data-url") + "?q=" + encodeURIComponent(query);
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" }, signal: controller ? controller.signal : undefined })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) { show(html, query); })
      .catch(function (error) {
        if (error && error.name === "AbortError") return;  // newer typing took over
        // The server was busy or unreachable: ask again in a moment, unless the text changed.
        lastQuery = null;
        dialog().setAttribute("data-state", "retrying");
        clearTimeout(timer);
        timer = setTimeout(function () { if (input() && input().value.trim() === query) search(); }, 1000);
      });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  }

  function open(text) {
    var box = dialog();
    var field = input();
    if (!box || !field || box.open) return;
    returnFocus = document.activeElement;
    box.showModal();
    if (typeof text === "string") field.value = text;
    field.focus();
    field.select();
    lastQuery = null;
    search();
  }

  function close() {
    var box = dialog();
    if (box && box.open) box.close();
  }

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function focusables(box) {
    return Array.prototype.slice.call(box.querySelectorAll("input, button, a[href]:not([tabindex='-1'])"))
      .filter(function (el) { return !el.disabled && el.offsetParent !== null; });
  }

  document.addEventListener("keydown", function (event) {
    var box = dialog();
    if (!box) return;
    var key = event.key;
    if (!box.open) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (key === "k" || key === "K")) {
        event.preventDefault();
        open();
      } else if (key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
        event.preventDefault();
        open();
      }
      return;
    }
    if ((event.ctrlKey || event.metaKey) && (key === "k" || key === "K")) {
      event.preventDefault();  // the shortcut again: stay in the palette, not the browser's search
      return;
    }
    if (key === "Tab") {
      var stops = focusables(box);
      if (!stops.length) return;
      var first = stops[0];
      var last = stops[stops.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
      return;
    }
    if (event.target !== input()) return;
    var all = options();
    var index = activeIndex();
    if (key === "ArrowDown" && all.length) {
      event.preventDefault();
      choose(index < 0 || index >= all.length - 1 ? 0 : index + 1);
    } else if (key === "ArrowUp" && all.length) {
      event.preventDefault();
      choose(index <= 0 ? all.length - 1 : index - 1);
    } else if (key === "Home" && all.length && event.ctrlKey) {
      event.preventDefault();
      choose(0);
    } else if (key === "End" && all.length && event.ctrlKey) {
      event.preventDefault();
      choose(all.length - 1);
    } else if (key === "Enter") {
      if (event.isComposing) return;  // an input method is choosing characters (拼音)
      var query = input().value.trim();
      if (!query) { event.preventDefault(); return; }
      if (lastQuery !== query) {
        // Results for what is typed are not in yet: the full search page answers instead.
        return;  // the form submits to /search
      }
      event.preventDefault();
      if (index >= 0) {
        var chosen = all[index];
        close();
        chosen.click();
      }
    }
  });

  document.addEventListener("input", function (event) {
    if (event.target === input()) schedule();
  });

  // The top bar's search box opens the palette (a click, or a key typed into it).
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.id === "global-search") {
      event.preventDefault();
      open(target.value);
      return;
    }
    if (target && target.closest && target.closest("[data-palette-close]")) {
      close();
      return;
    }
    var box = dialog();
    if (box && box.open && target === box) close();  // a click on the backdrop
    var option = target && target.closest ? target.closest("#palette-list [role='option']") : null;
    if (option && option.getAttribute("aria-disabled") !== "true" && box && box.open) box.close();
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && target.id === "global-search" && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open(target.value + event.key);
    }
  }, true);

  document.addEventListener("mousemove", function (event) {
    var option = event.target && event.target.closest ? event.target.closest("#palette-list [role='option']") : null;
    if (!option || option.getAttribute("aria-disabled") === "true") return;
    var index = options().indexOf(option);
    if (index >= 0 && index !== activeIndex()) choose(index);
  });

  document.addEventListener("close", function (event) {
    if (event.target !== dialog()) return;
    clearTimeout(timer);
    if (controller) controller.abort();
    var back = returnFocus;
    returnFocus = null;
    if (back && document.contains(back) && typeof back.focus === "function") back.focus();
  }, true);
})();
