/*
 * The interactive calendar: FullCalendar 6 (vendored under static/vendor/fullcalendar) reading
 * /api/events with the page's filters. Times stay in Beijing time: the API gives them with +08:00,
 * and a named time zone without a plugin keeps the wall-clock time it was given.
 * Without JavaScript the page links to the server-rendered month instead.
 */
(function () {
  "use strict";
  var el = document.getElementById("fc");
  if (!el || !window.FullCalendar) return;
  function unlabel(arg) {
    arg.el.querySelectorAll("a[aria-label]:not([href]):not([role])").forEach(function (a) {
      a.removeAttribute("aria-label");
    });
  }
  // FullCalendar draws its month as an ARIA grid built of nested layout tables, which the HTML standard
  // forbids as it stands: the outer <table role="grid"> holds rows marked role="presentation", its
  // harness <div> names itself without a role, and each inner table's empty <colgroup> declares one
  // column for rows of seven. The grid role moves to the named harness (the tables between it and the
  // rows become the layout they are) and each empty colgroup spans its table's columns. Attributes only:
  // FullCalendar keeps the elements, and redraws them as it likes; the observer tidies every redraw.
  function tidy() {
    el.querySelectorAll(".fc-view-harness[aria-labelledby]:not([role])").forEach(function (harness) {
      harness.setAttribute("role", "grid");
    });
    el.querySelectorAll("table.fc-scrollgrid[role=grid]").forEach(function (table) {
      table.setAttribute("role", "presentation");
    });
    el.querySelectorAll("table.fc-scrollgrid > thead[role], table.fc-scrollgrid > tbody[role]").forEach(
      function (group) { group.removeAttribute("role"); });
    el.querySelectorAll("colgroup:empty:not([span])").forEach(function (group) {
      var widest = 0;
      group.parentNode.querySelectorAll(":scope > * > tr").forEach(function (row) {
        widest = Math.max(widest, row.cells.length);
      });
      if (widest > 1) group.setAttribute("span", String(widest));
    });
  }
  new MutationObserver(tidy).observe(el, { childList: true, subtree: true });
  var calendar = new FullCalendar.Calendar(el, {
    initialView: "dayGridMonth",
    initialDate: el.getAttribute("data-initial") || undefined,
    locale: el.getAttribute("data-locale") || "zh-cn",
    firstDay: 1,
    timeZone: "Asia/Shanghai",
    height: "auto",
    dayMaxEvents: 4,
    headerToolbar: { left: "prev,next today", center: "title", right: "dayGridMonth,listMonth" },
    buttonIcons: false,  // the arrow icons are a data: font, which the CSP (default-src 'self') refuses
    events: { url: el.getAttribute("data-events") },
    loading: function (busy) { el.setAttribute("aria-busy", busy ? "true" : "false"); },
    // FullCalendar names its day numbers and weekday headers with aria-label on <a> elements without
    // href: those are generic elements, where ARIA prohibits a label; their text already says the day.
    dayCellDidMount: unlabel,
    dayHeaderDidMount: unlabel
  });
  calendar.render();
  tidy();
  document.documentElement.classList.add("fc-ready");
})();
