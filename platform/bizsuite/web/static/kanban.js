// kanban: one way to move cards between the columns of a board (the pipeline by stage, the
// tickets by status), by drag and drop or, from the keyboard and on a phone, with the move menu on
// each card. A move posts JSON to the card's API endpoint with the session's CSRF token and the
// card's version (If-Match), then reloads the two columns from the server.
//
// Markup (all text comes translated from the server):
//   <div data-kanban data-csrf data-field="status" data-column-url="/x/columns/{column}?..."
//        data-msg-moved data-msg-stale data-msg-failed data-msg-forbidden data-msg-refused="… {allowed}">
//     <section class="kanban-column" id data-column="<value>" data-column-label>
//       <li class="kanban-card" draggable data-move-url data-version data-name
//           [data-allowed="<value> <value>"]> … <details class="kanban-move">… <button data-move-to="<value>">
// A board may set `board.kanbanBeforeMove = async (card, from, to) => extra` to ask for more (the
// pipeline's lost reason): return an object merged into the body, or null to cancel; when it
// returns extra and the server answers 422, the move resolves false (the dialog stays open).
(function () {
  "use strict";

  function toast(message, level) { if (window.showToast) window.showToast(message, level); }

  function columnOf(board, value) {
    return Array.prototype.find.call(board.querySelectorAll(".kanban-column"), function (c) {
      return c.dataset.column === value;
    });
  }

  async function reload(board, column) {
    const url = board.dataset.columnUrl.replace("{column}", encodeURIComponent(column.dataset.column));
    const response = await fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" } });
    if (!response.ok) return;
    const holder = document.createElement("div");
    holder.innerHTML = (await response.text()).trim();
    const fresh = holder.querySelector(".kanban-column");
    const current = document.getElementById(column.id);
    if (fresh && current) {
      current.replaceWith(fresh);
      if (window.htmx) window.htmx.process(fresh);
    }
  }

  function allowedNames(board, card) {
    return (card.dataset.allowed || "").split(" ").filter(Boolean).map(function (value) {
      const column = columnOf(board, value);
      return column ? column.dataset.columnLabel : value;
    }).join("、");
  }

  // Move ``card`` from its column to ``to``; resolves true when done (or refused), false when the
  // extra input the board asked for was not accepted.
  async function move(board, card, to, extra) {
    const from = card.closest(".kanban-column");
    if (!from || from === to) return true;
    if (card.dataset.allowed !== undefined && card.dataset.allowed.split(" ").indexOf(to.dataset.column) < 0) {
      toast(board.dataset.msgRefused.replace("{allowed}", allowedNames(board, card) || "—"), "error");
      return true;
    }
    if (extra === undefined && board.kanbanBeforeMove) {
      extra = await board.kanbanBeforeMove(card, from, to);
      if (extra === null) return true;
      if (extra === false) return true; // the board takes over (a dialog calls kanban.move again)
    }
    const body = Object.assign({}, extra || {});
    body[board.dataset.field] = to.dataset.column;
    const response = await fetch(card.dataset.moveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "X-CSRF-Token": board.dataset.csrf, "If-Match": card.dataset.version },
      body: JSON.stringify(body),
    });
    if (response.status === 422 && extra) return false;
    if (response.ok) toast(board.dataset.msgMoved, "success");
    else if (response.status === 412) toast(board.dataset.msgStale, "error");
    else if (response.status === 403) toast(board.dataset.msgForbidden, "error");
    else if (response.status === 409 && card.dataset.allowed !== undefined) {
      toast(board.dataset.msgRefused.replace("{allowed}", allowedNames(board, card) || "—"), "error");
    } else toast(board.dataset.msgFailed, "error");
    await reload(board, from);
    await reload(board, to);
    board.dispatchEvent(new CustomEvent("kanban:moved", { bubbles: true }));
    const moved = document.getElementById(card.id);
    if (moved) {
      const summary = moved.querySelector(".kanban-move summary");
      if (summary) summary.focus();
    }
    return true;
  }

  function init(board) {
    if (board.dataset.kanbanReady) return;
    board.dataset.kanbanReady = "true";
    let dragged = null;

    board.addEventListener("dragstart", function (event) {
      const card = event.target.closest && event.target.closest(".kanban-card");
      if (!card || card.getAttribute("draggable") !== "true") return;
      dragged = card;
      card.classList.add("dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.id);
    });
    board.addEventListener("dragend", function () {
      if (dragged) dragged.classList.remove("dragging");
      board.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
    });
    board.addEventListener("dragover", function (event) {
      const column = event.target.closest && event.target.closest(".kanban-column");
      if (!column || !dragged) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      column.classList.add("drop-target");
    });
    board.addEventListener("dragleave", function (event) {
      const column = event.target.closest && event.target.closest(".kanban-column");
      if (column && !column.contains(event.relatedTarget)) column.classList.remove("drop-target");
    });
    board.addEventListener("drop", function (event) {
      const column = event.target.closest && event.target.closest(".kanban-column");
      if (!column || !dragged) return;
      event.preventDefault();
      column.classList.remove("drop-target");
      const card = dragged;
      dragged = null;
      card.classList.remove("dragging");
      move(board, card, column);
    });
    // The keyboard (and one-thumb) way: the card's move menu.
    board.addEventListener("click", function (event) {
      const button = event.target.closest && event.target.closest("[data-move-to]");
      if (!button) return;
      event.preventDefault();
      const card = button.closest(".kanban-card");
      const to = columnOf(board, button.dataset.moveTo);
      const menu = button.closest("details");
      if (menu) menu.open = false;
      if (card && to) move(board, card, to);
    });
  }

  function initAll(root) {
    (root || document).querySelectorAll("[data-kanban]").forEach(init);
  }

  window.kanban = { move: move, init: init };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { initAll(); });
  else initAll();
  document.addEventListener("htmx:load", function (event) { initAll(event.target); });
})();
