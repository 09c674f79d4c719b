/* Refreshes status badges (公示中, 即将召开, …) from the clock of the reader,
   so a page built on Monday is still right on Friday without a rebuild.
   Each badge carries its period as data-start and data-end (ISO 8601
   instants, end exclusive) and the label of each state as
   data-label-upcoming/-open/-closed; the page as built is already right for
   its build date, so nothing is lost with scripts off. The rule is the one
   the build uses: before start upcoming, before end open, then closed.

   Pins (置顶) end the same way: an item whose pin ends carries the instant
   in data-pin-end, and from then on it is shown unpinned (its badge
   hidden). It keeps its place in the list until the site is built again.

   It also fills the printed page address with the address the page was
   opened at, so a notice pinned to a bulletin board names its page, and
   refreshes the statuses as the page is printed. */
(function () {
  "use strict";
  var STATES = ["upcoming", "open", "closed"];

  function stateAt(now, start, end) {
    if (now < start) return "upcoming";
    if (now < end) return "open";
    return "closed";
  }

  // refresh sets every badge for the instant now (a Date; default: the
  // clock) and returns how many badges changed.
  function refresh(now) {
    var t = (now || new Date()).getTime();
    var changed = 0;
    var badges = document.querySelectorAll(".status[data-start][data-end]");
    for (var i = 0; i < badges.length; i++) {
      var b = badges[i];
      var start = Date.parse(b.getAttribute("data-start"));
      var end = Date.parse(b.getAttribute("data-end"));
      if (isNaN(start) || isNaN(end)) continue;
      var s = stateAt(t, start, end);
      if (b.classList.contains("status-" + s)) continue;
      for (var k = 0; k < STATES.length; k++) b.classList.remove("status-" + STATES[k]);
      b.classList.add("status-" + s);
      var label = b.getAttribute("data-label-" + s);
      if (label) b.textContent = label;
      changed++;
    }
    return changed + refreshPins(t);
  }

  // refreshPins shows each item with data-pin-end pinned before that
  // instant and unpinned from it on; it returns how many items changed.
  function refreshPins(t) {
    var changed = 0;
    var items = document.querySelectorAll("[data-pin-end]");
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      var end = Date.parse(el.getAttribute("data-pin-end"));
      if (isNaN(end)) continue;
      var pinned = t < end;
      if (el.classList.contains("pinned") === pinned) continue;
      if (pinned) el.classList.add("pinned");
      else el.classList.remove("pinned");
      var badge = el.querySelector(".badge-pin");
      if (badge) badge.hidden = !pinned;
      changed++;
    }
    return changed;
  }

  function printAddress() {
    var els = document.querySelectorAll(".print-location");
    for (var i = 0; i < els.length; i++) els[i].textContent = decodeURI(location.href);
  }

  window.pubgenStatus = { refresh: refresh };
  refresh();
  printAddress();
  // A tab left open over a day boundary refreshes when it is looked at again.
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) refresh();
  });
  // A page printed for a bulletin board says what holds when it is
  // printed, not when it was opened: 即将召开 printed after the meeting
  // began would mislead. Safari fires no beforeprint; the print media
  // query changes there.
  window.addEventListener("beforeprint", function () { refresh(); });
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    var onPrint = function (e) { if (e.matches) refresh(); };
    if (print.addEventListener) print.addEventListener("change", onPrint);
    else if (print.addListener) print.addListener(onPrint);
  }
})();
